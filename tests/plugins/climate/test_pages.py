"""The theme page: its published updates and their documents, and the computed indicator."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from iscg_module.meetings.models import MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.accounts import make_focal_point
from iscg_module.testing.factories import at, make_meeting, make_update
from iscg_module.testing.plugins import disable_plugin
from iscg_module.theme_updates.content import DocumentLink
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme

pytestmark = pytest.mark.iscg_plugins("climate")

REMOTE = "/themes/climate/indicators/meetings-held-remotely"


def meeting_on(day: date, meeting_format: MeetingFormat, **changes: object):
    starts = at(day.year, day.month, day.day, 14)
    return make_meeting(
        schedule=ExactTimes(starts, starts + timedelta(hours=2)), format=meeting_format,
        venue="ITU headquarters, Geneva" if meeting_format is not MeetingFormat.VIRTUAL else None,
        **changes,
    )  # fmt: skip


@pytest.fixture
def updates(app):
    """The September 2021 update with ISCG/21-2/INF-1, a draft, and another theme's update."""
    climate = ensure_theme(None, "climate-change", "Climate change", "", ThemeStatus.ACTIVE)
    writer = make_focal_point("Climate Focal Point", "climate-change")
    greener = make_update(
        climate, writer, UpdateStatus.PUBLISHED,
        title="ITU's internal work to become a greener organization",
        links=(DocumentLink("ISCG/21-2/INF-1", "https://www.itu.int/md/S21-ISCG-INF-0001"),
               DocumentLink("ISCG/21-2/04-1")),
    )  # fmt: skip
    make_update(climate, writer, title="Travel figures for 2022, not sent yet")
    ai = ensure_theme(None, "ai", "AI", "", ThemeStatus.ACTIVE)
    make_update(ai, make_focal_point("AI Focal Point", "ai"), UpdateStatus.PUBLISHED,
                title="AI activities coordinated across the Sectors")  # fmt: skip
    return greener


def test_the_theme_page_links_the_published_updates_and_their_documents(
    app, updates, member_client
):
    page = member_client.get("/themes/climate/").get_data(as_text=True)
    assert 'href="/themes/climate-change/updates/"' in page
    assert f'href="/themes/climate-change/updates/{updates.id}"' in page
    assert "ITU&#39;s internal work to become a greener organization" in page
    assert '<a href="https://www.itu.int/md/S21-ISCG-INF-0001">ISCG/21-2/INF-1</a>' in page
    assert page.index("ISCG/21-2/INF-1") < page.index("ISCG/21-2/04-1")  # information first
    assert "information document" in page
    assert "not sent yet" not in page and "AI activities" not in page


def test_an_empty_theme_page_says_what_is_missing(app, member_client):
    page = member_client.get("/themes/climate/").get_data(as_text=True)
    assert "No update of the theme is published yet." in page
    assert "No published update links a document yet." in page
    assert "No indicator is defined yet" in page
    assert "no confirmed meeting yet" in page


def test_the_share_of_meetings_held_remotely_is_computed_from_the_meetings(app, member_client):
    meeting_on(date(2020, 2, 10), MeetingFormat.PHYSICAL)
    meeting_on(date(2020, 9, 1), MeetingFormat.VIRTUAL)
    meeting_on(date(2021, 9, 1), MeetingFormat.VIRTUAL)
    meeting_on(date(2021, 11, 3), MeetingFormat.HYBRID)
    meeting_on(date(2021, 12, 1), MeetingFormat.PHYSICAL, status=MeetingStatus.TENTATIVE)
    page = member_client.get(REMOTE).get_data(as_text=True)
    summary = (
        "Share of the group&#39;s meetings held virtual or hybrid, 2 periods: from 50 % in 2020 "
        "to 100 % in 2021: up 50 percentage points, an improvement, as higher is better."
    )
    assert page.count(summary) == 2  # the chart's description and its caption
    assert page.count('role="img"') == 1 and "<polyline" in page
    assert '<th scope="row">2021</th>' in page and '<td class="number">100 %</td>' in page
    assert "computed" in page
    index = member_client.get("/themes/climate/").get_data(as_text=True)
    assert summary in index and '<span class="badge">computed</span>' in index


def test_the_computed_page_costs_the_same_queries_with_few_or_many_meetings(
    app, member_client, count_queries
):
    meeting_on(date(2021, 9, 1), MeetingFormat.VIRTUAL)
    few = count_queries(member_client, REMOTE)
    for year in range(2010, 2020):
        meeting_on(date(year, 3, 1), MeetingFormat.HYBRID)
    assert count_queries(member_client, REMOTE) == few


def test_the_theme_page_costs_the_same_queries_with_few_or_many_updates(
    app, updates, member_client, count_queries
):
    few = count_queries(member_client, "/themes/climate/")
    climate = updates.theme
    writer = make_focal_point("Second Climate Focal Point", "climate-change")
    for number in range(5):
        make_update(climate, writer, UpdateStatus.PUBLISHED, title=f"Update {number}")
    assert count_queries(member_client, "/themes/climate/") == few


def test_the_navigation_offers_the_theme_while_enabled(app, member_client):
    assert 'href="/themes/climate/"' in member_client.get("/").get_data(as_text=True)
    disable_plugin("climate")
    assert 'href="/themes/climate/"' not in member_client.get("/").get_data(as_text=True)
