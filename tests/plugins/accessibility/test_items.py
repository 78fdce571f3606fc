"""The accessibility theme's requests and initiatives, on their dated path to a decision."""

from __future__ import annotations

from datetime import date

import pytest
from iscg_accessibility.demo import BUDGET_LINE, FUND_APPEAL, load_demo
from iscg_accessibility.models import Item, ItemStatus, StatusChange
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.testing.plugins import disable_plugin, enable_plugin

pytestmark = pytest.mark.iscg_plugins("accessibility")

NEW_ITEM = {
    "kind": "request",
    "title": "Budget line for accessibility, 100,000 CHF/year",
    "owner": "Focal Point for Accessibility",
    "target_body": "Council 2022",
    "target_date": "2022-06-21",
    "on_day": "2021-09-01",
    "reason": "Presented at the ISCG meeting of 1 September 2021.",
}


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def recorder(focal_point_of):
    return focal_point_of("accessibility")


@pytest.fixture
def item(app, recorder) -> Item:
    assert recorder.post_form("/themes/accessibility/items/new", NEW_ITEM).status_code == 302
    return db.session.scalar(select(Item))


def step(client, item: Item, status: str, on_day: str, reason: str = "Agreed."):
    url = f"/themes/accessibility/items/{item.id}/step"
    return client.post_form(url, {"status": status, "on_day": on_day, "reason": reason})


def test_a_focal_point_takes_a_request_along_its_path_to_a_decision(
    app, item, recorder, member_client
):
    assert step(recorder, item, "in_preparation", "2021-09-02").status_code == 302
    assert step(recorder, item, "submitted", "2022-03-01").status_code == 302
    assert step(recorder, item, "approved", "2022-06-21", "Council approved it.").status_code == 302
    db.session.refresh(item)
    assert item.status == ItemStatus.APPROVED
    path = [(change.from_status, change.to_status, change.on_day) for change in item.changes]
    assert path == [
        (None, ItemStatus.PROPOSED, date(2021, 9, 1)),
        (ItemStatus.PROPOSED, ItemStatus.IN_PREPARATION, date(2021, 9, 2)),
        (ItemStatus.IN_PREPARATION, ItemStatus.SUBMITTED, date(2022, 3, 1)),
        (ItemStatus.SUBMITTED, ItemStatus.APPROVED, date(2022, 6, 21)),
    ]
    page = member_client.get(f"/themes/accessibility/items/{item.id}").get_data(as_text=True)
    assert "decided: approved" in page and "Council approved it." in page
    assert page.count("(recorded by Focal Point of accessibility)") == 4  # who took each step


@pytest.mark.parametrize(
    ("status", "on_day", "reason", "message"),
    [
        ("approved", "2021-09-02", "Too soon.", "Not a valid choice."),
        ("in_preparation", "2021-08-31", "Before.", "cannot be dated before the last one"),
        ("in_preparation", "1850-01-01", "Far.", "Give a date between 2000 and 2100."),
        ("in_preparation", "2021-09-02", "", "This field is required."),
    ],
)
def test_a_step_off_the_path_is_refused_and_nothing_changes(
    app, item, recorder, status, on_day, reason, message
):
    page = step(recorder, item, status, on_day, reason).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    db.session.refresh(item)
    assert item.status == ItemStatus.PROPOSED and rows(StatusChange) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"target_date": "2999-01-01"}, "Give a date between 2000 and 2100."),
        ({"kind": "wish"}, "Not a valid choice."),
        ({"reason": ""}, "This field is required."),
    ],
)
def test_a_bad_item_is_refused_with_a_message(app, recorder, changes, message):
    page = recorder.post_form("/themes/accessibility/items/new", {**NEW_ITEM, **changes})
    assert message in page.get_data(as_text=True)
    assert rows(Item) == 0 and rows(StatusChange) == 0


def test_only_the_themes_focal_points_and_admins_record(
    app, item, focal_point_of, member_client, chair_client, admin_client
):
    other = focal_point_of("ai")
    for client in (other, member_client, chair_client):
        assert client.get("/themes/accessibility/items/new").status_code == 403
        assert client.post_form("/themes/accessibility/items/new", NEW_ITEM).status_code == 403
        assert step(client, item, "in_preparation", "2021-09-02").status_code == 403
    assert admin_client.get("/themes/accessibility/items/new").status_code == 200
    assert rows(Item) == 1 and rows(StatusChange) == 1


def test_disabling_hides_the_pages_and_keeps_the_items(app, item, member_client):
    disable_plugin("accessibility")
    assert member_client.get("/themes/accessibility/").status_code == 404
    assert member_client.get(f"/themes/accessibility/items/{item.id}").status_code == 404
    assert rows(Item) == 1
    enable_plugin("accessibility")
    assert NEW_ITEM["title"] in member_client.get("/themes/accessibility/").get_data(as_text=True)


def test_the_demo_records_the_budget_line_request_and_the_fund_appeal_once(app):
    load_demo()
    load_demo()
    recorded = {item.title: item for item in db.session.scalars(select(Item))}
    assert sorted(recorded) == sorted([BUDGET_LINE.title, FUND_APPEAL.title])
    budget_line = recorded[BUDGET_LINE.title]
    assert budget_line.target_body == "Council 2022"
    assert budget_line.status == ItemStatus.IN_PREPARATION
