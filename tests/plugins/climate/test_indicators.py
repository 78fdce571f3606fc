"""Indicators of the greener organisation: defined and recorded by the theme's focal points."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from iscg_climate.demo import INDICATORS, load_demo
from iscg_climate.models import Direction, Indicator, IndicatorValue
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.testing.plugins import disable_plugin, enable_plugin

pytestmark = pytest.mark.iscg_plugins("climate")

NEW = "/themes/climate/indicators/new"
TRAVEL = {
    "name": "Emissions from travel",
    "unit": "tCO2e",
    "direction": "lower_is_better",
    "description": "Air and rail travel paid by the organisation.",
}
VALUE_2019 = {
    "period_start": "2019-01-01",
    "period_end": "2019-12-31",
    "value": "1200",
    "source": "ISCG/21-2/INF-1",
    "note": "Before the move to virtual meetings.",
}


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def actions() -> list[str]:
    """The plugin's audit entries, oldest first."""
    query = select(AuditEntry.action).where(AuditEntry.action.startswith("climate."))
    return list(db.session.scalars(query.order_by(AuditEntry.id)))


@pytest.fixture
def recorder(focal_point_of):
    return focal_point_of("climate-change")


@pytest.fixture
def travel(app, recorder) -> Indicator:
    assert recorder.post_form(NEW, TRAVEL).status_code == 302
    return db.session.scalar(select(Indicator))


def record(client, indicator: Indicator, **changes: str):
    url = f"/themes/climate/indicators/{indicator.id}/values/new"
    return client.post_form(url, {**VALUE_2019, **changes})


def test_a_focal_point_defines_an_indicator_and_records_its_values(
    app, travel, recorder, member_client
):
    assert travel.direction is Direction.LOWER_IS_BETTER and travel.unit == "tCO2e"
    assert record(recorder, travel).status_code == 302
    later = {"period_start": "2021-01-01", "period_end": "2021-12-31", "value": "300.5"}
    assert record(recorder, travel, **later).status_code == 302
    db.session.expire_all()
    assert [(v.period_start, v.value) for v in travel.values] == [
        (date(2019, 1, 1), Decimal("1200")),
        (date(2021, 1, 1), Decimal("300.5")),
    ]
    assert actions() == [
        "climate.indicator_defined", "climate.value_recorded", "climate.value_recorded"
    ]  # fmt: skip
    page = member_client.get(f"/themes/climate/indicators/{travel.id}").get_data(as_text=True)
    assert page.count('role="img"') == 1 and "<polyline" in page  # a line chart
    summary = (
        "Emissions from travel, 2 periods: from 1,200 tCO2e in 2019 to 300.5 tCO2e in 2021: "
        "down 899.5 tCO2e (75 %), an improvement, as lower is better."
    )
    assert page.count(summary) == 2  # the chart's description and its caption
    assert '<td class="number">300.5</td>' in page  # the values as a table too
    assert "ISCG/21-2/INF-1" in page
    assert "Record a value" not in page  # a plain member reads only


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "x" * 121}, "Field cannot be longer than 120 characters."),
        ({"unit": ""}, "This field is required."),
        ({"unit": "t" * 31}, "Field cannot be longer than 30 characters."),
        ({"direction": "sideways"}, "Not a valid choice."),
        ({"direction": ""}, "Say whether lower or higher values are better."),
        ({"description": "x" * 2001}, "Field cannot be longer than 2000 characters."),
    ],
)
def test_a_bad_indicator_is_refused_with_a_message(app, recorder, changes, message):
    page = recorder.post_form(NEW, {**TRAVEL, **changes}).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    assert rows(Indicator) == 0 and actions() == []


def test_a_second_indicator_of_the_same_name_is_refused(app, travel, recorder):
    page = recorder.post_form(NEW, {**TRAVEL, "name": "  EMISSIONS from travel "})
    assert "An indicator named &#39;EMISSIONS from travel&#39; already exists." in page.get_data(
        as_text=True
    )
    assert rows(Indicator) == 1


@pytest.fixture
def share(app, recorder) -> Indicator:
    """An indicator in %, where a value above 100 is absurd."""
    form = {**TRAVEL, "name": "Renewable electricity", "unit": "%", "direction": "higher_is_better"}
    assert recorder.post_form(NEW, form).status_code == 302
    return db.session.scalar(select(Indicator).where(Indicator.unit == "%"))


NOT_A_NUMBER = "Give the value as a number, for example 1250 or 37.5."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"period_end": "2018-12-31"}, "The period cannot end before it starts."),
        ({"period_start": "1999-12-31"}, "Give a date between 2000 and 2100."),
        ({"period_end": "31/12/2019"}, "Not a valid date value."),
        ({"value": "lots"}, NOT_A_NUMBER),
        ({"value": "1,200"}, NOT_A_NUMBER),
        ({"value": ""}, NOT_A_NUMBER),
        ({"value": "NaN"}, NOT_A_NUMBER),
        ({"value": "Infinity"}, NOT_A_NUMBER),
        ({"value": "-3"}, "A measured amount, count or share cannot be negative."),
        ({"value": "1e12"}, "A value is at most 1,000,000,000."),
        ({"value": "1e999999"}, "A value is at most 1,000,000,000."),
        ({"value": "1.23456"}, "A value has at most 4 decimals."),
        ({"source": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"note": "x" * 2001}, "Field cannot be longer than 2000 characters."),
    ],
)
def test_a_bad_value_is_refused_and_nothing_is_saved(app, travel, recorder, changes, message):
    page = record(recorder, travel, **changes).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    assert rows(IndicatorValue) == 0 and actions() == ["climate.indicator_defined"]


def test_a_share_above_100_percent_is_refused(app, share, recorder):
    page = record(recorder, share, value="100.5").get_data(as_text=True)
    assert "A share in % is at most 100." in page
    assert record(recorder, share, value="100").status_code == 302
    assert rows(IndicatorValue) == 1


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            ("2019-01-01", "2019-12-31"),
            "There is already a value for 1 January 2019 to 31 December",
        ),
        (("2019-07-01", "2020-06-30"), "The period overlaps the value already recorded for 1 Jan"),
        (("2018-01-01", "2019-01-01"), "The period overlaps the value already recorded for 1 Jan"),
        (("2019-03-01", "2019-03-31"), "The period overlaps the value already recorded for 1 Jan"),
    ],
)
def test_an_overlapping_or_repeated_period_is_refused(app, travel, recorder, period, message):
    assert record(recorder, travel).status_code == 302
    start, end = period
    page = record(recorder, travel, period_start=start, period_end=end, value="900")
    assert message in page.get_data(as_text=True)
    assert rows(IndicatorValue) == 1
    assert (
        record(recorder, travel, period_start="2020-01-01", period_end="2020-12-31").status_code
        == 302
    )


def test_values_are_corrected_and_removed_with_the_audit_log_keeping_them(app, travel, recorder):
    record(recorder, travel)
    recorded = db.session.scalar(select(IndicatorValue))
    edit = f"/themes/climate/values/{recorded.id}/edit"
    form = recorder.get(edit).get_data(as_text=True)
    assert 'value="1200"' in form and 'value="ISCG/21-2/INF-1"' in form
    assert recorder.post_form(edit, {**VALUE_2019, "value": "1150"}).status_code == 302
    db.session.expire_all()
    assert recorded.value == Decimal("1150")
    remove = f"/themes/climate/values/{recorded.id}/remove"
    assert recorder.post_form(remove, {}).status_code == 302
    assert rows(IndicatorValue) == 0
    entries = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action.startswith("climate.value"))
        .order_by(AuditEntry.id)
    ).all()
    assert [
        (entry.action, entry.details.get("value"), entry.details.get("before")) for entry in entries
    ] == [
        ("climate.value_recorded", "1200", None),
        ("climate.value_changed", None, "1200"),
        ("climate.value_removed", "1150", None),
    ]


def test_an_indicator_keeps_a_unit_its_values_fit(app, travel, recorder):
    record(recorder, travel)
    edit = f"/themes/climate/indicators/{travel.id}/edit"
    page = recorder.post_form(edit, {**TRAVEL, "unit": "%"}).get_data(as_text=True)
    assert "does not fit that unit: A share in % is at most 100." in page
    db.session.expire_all()
    assert travel.unit == "tCO2e"
    renamed = {**TRAVEL, "name": "Travel emissions", "direction": "lower_is_better"}
    assert recorder.post_form(edit, renamed).status_code == 302
    db.session.expire_all()
    assert travel.name == "Travel emissions"
    assert actions()[-1] == "climate.indicator_changed"


def test_only_the_themes_focal_points_and_admins_record(
    app, travel, recorder, focal_point_of, member_client, chair_client, admin_client
):
    record(recorder, travel)
    recorded = db.session.scalar(select(IndicatorValue))
    writes = [
        (NEW, TRAVEL),
        (f"/themes/climate/indicators/{travel.id}/edit", TRAVEL),
        (f"/themes/climate/indicators/{travel.id}/values/new", VALUE_2019),
        (f"/themes/climate/values/{recorded.id}/edit", VALUE_2019),
    ]
    remove = f"/themes/climate/values/{recorded.id}/remove"
    for client in (focal_point_of("ai"), member_client, chair_client):
        for url, form in writes:
            assert client.get(url).status_code == 403, url
            assert client.post_form(url, {**form, "name": "Other"}).status_code == 403, url
        assert client.post_form(remove, {}).status_code == 403
        assert client.get(f"/themes/climate/indicators/{travel.id}").status_code == 200
    assert rows(Indicator) == 1 and rows(IndicatorValue) == 1
    for url, _form in writes:
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.post_form(remove, {}).status_code == 302
    assert rows(IndicatorValue) == 0


def test_disabling_hides_the_pages_and_keeps_the_indicators(app, travel, recorder, member_client):
    record(recorder, travel)
    disable_plugin("climate")
    for url in ("/themes/climate/", f"/themes/climate/indicators/{travel.id}",
                "/themes/climate/indicators/meetings-held-remotely"):  # fmt: skip
        assert member_client.get(url).status_code == 404
    assert (
        record(recorder, travel, period_start="2020-01-01", period_end="2020-12-31").status_code
        == 404
    )
    assert rows(Indicator) == 1 and rows(IndicatorValue) == 1
    enable_plugin("climate")
    page = member_client.get(f"/themes/climate/indicators/{travel.id}").get_data(as_text=True)
    assert "one value so far, 1,200 tCO2e in 2019" in page


def test_the_pages_cost_the_same_queries_with_few_or_many_values(
    app, travel, recorder, member_client, count_queries
):
    pages = ("/themes/climate/", f"/themes/climate/indicators/{travel.id}")
    record(recorder, travel)
    few = [count_queries(member_client, url) for url in pages]
    for year in range(2000, 2019):
        record(recorder, travel, period_start=f"{year}-01-01", period_end=f"{year}-12-31")
    for number in range(5):
        recorder.post_form(NEW, {**TRAVEL, "name": f"Indicator {number}"})
    assert rows(IndicatorValue) == 20 and rows(Indicator) == 6
    assert [count_queries(member_client, url) for url in pages] == few


def test_the_demo_defines_indicators_without_inventing_values_once(app):
    load_demo()
    load_demo()
    names = set(db.session.scalars(select(Indicator.name)))
    assert names == {details.name for details in INDICATORS} and len(names) >= 3
    assert rows(IndicatorValue) == 0
