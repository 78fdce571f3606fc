"""The ICT Accessibility Fund: pledges and payments, yearly totals as a chart and a table."""

from __future__ import annotations

from decimal import Decimal

import pytest
from iscg_accessibility.fund import totals_by_year
from iscg_accessibility.models import FundEntry
from sqlalchemy import func, select

from iscg_module.extensions import db

pytestmark = pytest.mark.iscg_plugins("accessibility")

URL = "/themes/accessibility/fund/new"
PLEDGE = {
    "kind": "pledge",
    "contributor": "Administration of Example",
    "amount": "25000",
    "currency": "chf",
    "on_day": "2021-10-04",
    "note": "Answering the invitation of the ISCG meeting of 1 September 2021.",
}


def entries() -> int:
    return db.session.scalar(select(func.count()).select_from(FundEntry))


@pytest.fixture
def recorder(focal_point_of):
    return focal_point_of("accessibility")


def test_pledges_and_payments_add_up_per_year_and_currency(app, recorder, member_client):
    sent = [
        PLEDGE,
        {**PLEDGE, "kind": "payment", "amount": "10000.50", "on_day": "2021-12-01"},
        {**PLEDGE, "contributor": "Sector Member", "amount": "5000", "on_day": "2022-02-01"},
        {**PLEDGE, "amount": "3000", "currency": "USD", "on_day": "2022-03-01"},
    ]
    for form in sent:
        assert recorder.post_form(URL, form).status_code == 302
    totals = [(t.year, t.currency, t.pledged, t.paid) for t in totals_by_year()]
    assert totals == [
        (2021, "CHF", Decimal("25000.00"), Decimal("10000.50")),
        (2022, "CHF", Decimal("5000.00"), Decimal("0")),
        (2022, "USD", Decimal("3000.00"), Decimal("0")),
    ]
    page = member_client.get("/themes/accessibility/fund").get_data(as_text=True)
    assert page.count('role="img"') == 2  # one chart per currency
    assert "Pledged and paid per year in CHF, 2021 to 2022: 30,000.00 pledged" in page
    assert '<td class="number">10,000.50</td>' in page  # the numbers as a table too


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-5"}, "Number must be between 0.01 and 100000000."),
        ({"amount": "0"}, "Number must be between 0.01 and 100000000."),
        ({"amount": "1e12"}, "Number must be between 0.01 and 100000000."),
        ({"amount": "12.345"}, "An amount has at most two decimals."),
        ({"amount": "lots"}, "Not a valid decimal value."),
        ({"currency": "XYZ"}, "XYZ is not a known ISO 4217 currency code."),
        ({"currency": "FRANCS"}, "Field must be exactly 3 characters long."),
        ({"on_day": "1899-12-31"}, "Give a date between 2000 and 2100."),
        ({"contributor": ""}, "This field is required."),
        ({"contributor": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"kind": "gift"}, "Not a valid choice."),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_saved(app, recorder, changes, message):
    page = recorder.post_form(URL, {**PLEDGE, **changes}).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    assert entries() == 0


def test_members_read_the_fund_but_only_recorders_write(
    app, focal_point_of, member_client, chair_client
):
    assert "No pledge or payment" in member_client.get("/themes/accessibility/fund").get_data(
        as_text=True
    )
    for client in (member_client, chair_client, focal_point_of("ai")):
        assert client.get(URL).status_code == 403
        assert client.post_form(URL, PLEDGE).status_code == 403
    assert entries() == 0


def test_the_fund_page_costs_the_same_queries_with_few_or_many_entries(
    app, recorder, member_client, count_queries
):
    recorder.post_form(URL, PLEDGE)
    few = count_queries(member_client, "/themes/accessibility/fund")
    for year in range(2010, 2020):
        recorder.post_form(URL, {**PLEDGE, "on_day": f"{year}-05-01"})
    assert count_queries(member_client, "/themes/accessibility/fund") == few
