"""Disabling the accessibility plugin hides all it adds at once and keeps its data; enabling
it brings everything back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from iscg_accessibility.fund import Contribution, record_contribution
from iscg_accessibility.items import ItemDetails, record_item
from iscg_accessibility.liaisons import LiaisonDetails, record_liaison
from iscg_accessibility.meeting_needs import Needs, save_needs
from iscg_accessibility.models import (
    FundEntry,
    FundEntryKind,
    Item,
    ItemKind,
    LiaisonPurpose,
    LiaisonStatement,
    MeetingNeeds,
)
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import Attendance
from iscg_module.platform.api import ReportPeriod
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.plugins import disable_plugin, enable_plugin, report_markdown

pytestmark = pytest.mark.iscg_plugins("accessibility")

SEPTEMBER_2021 = ReportPeriod(date(2021, 9, 1), date(2021, 9, 30))


@pytest.fixture
def theme_data(app, admin, member):
    """One of everything the plugin keeps; the pages that show each."""
    item = record_item(
        admin,
        ItemDetails(ItemKind.REQUEST, "Budget line", "Focal Point", "Council 2022", None),
        date(2021, 9, 1), "Presented.",
    )  # fmt: skip
    record_contribution(
        admin,
        Contribution(FundEntryKind.PLEDGE, "Sector Member", Decimal(500), "CHF", date(2021, 9, 2)),
    )
    statement = record_liaison(
        admin, LiaisonDetails("Presentation", "ITU-D Q7/1", LiaisonPurpose.FOR_INFORMATION,
                              date(2021, 9, 1)),
    )  # fmt: skip
    meeting = make_meeting()
    registration = operations.register_attendance(member, meeting, Attendance.ONLINE)
    save_needs(registration.id, meeting.id, Needs(captioning=True))
    db.session.commit()
    pages = [
        "/themes/accessibility/",
        f"/themes/accessibility/items/{item.id}",
        "/themes/accessibility/fund",
        f"/themes/accessibility/liaisons/{statement.id}",
        "/themes/accessibility/liaisons/new",
    ]
    return pages, meeting


def rows() -> list[int]:
    return [
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Item, FundEntry, LiaisonStatement, MeetingNeeds)
    ]


def what_shows(client, meeting, pages: list[str]) -> dict[str, object]:
    home = client.get("/").get_data(as_text=True)
    return {
        "pages": [client.get(url).status_code for url in pages],
        "navigation": 'href="/themes/accessibility/"' in home,
        "panel": "Your accessibility needs"
        in client.get(f"/meetings/{meeting.id}").get_data(as_text=True),
        "fields": "Accessibility needs"
        in client.get(f"/meetings/{meeting.id}/registration").get_data(as_text=True),
        "section": "Accessibility" in report_markdown(SEPTEMBER_2021),
    }


def test_everything_vanishes_together_and_comes_back_with_the_data(
    theme_data, member_client, admin_client
):
    pages, meeting = theme_data
    shown = {"pages": [200] * 5, "navigation": True, "panel": True, "fields": True, "section": True}
    hidden = {"pages": [404] * 5, "navigation": False, "panel": False, "fields": False,
              "section": False}  # fmt: skip
    assert what_shows(member_client, meeting, pages[:4]) == {**shown, "pages": [200] * 4}
    before = rows()
    assert before == [1, 1, 1, 1]

    disable_plugin("accessibility")
    assert what_shows(admin_client, meeting, pages) == hidden
    assert what_shows(member_client, meeting, pages[:4]) == {**hidden, "pages": [404] * 4}
    assert rows() == before

    enable_plugin("accessibility")
    assert what_shows(member_client, meeting, pages[:4]) == {**shown, "pages": [200] * 4}
    assert rows() == before
