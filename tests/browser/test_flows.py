"""What members and the secretariat do, in a real browser, by keyboard where a person would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import ExactTimes, MeetingDetails
from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = pytest.mark.browser


def _event(page, title: str):
    """The public feed's event called ``title``, as a calendar client would fetch it."""
    feed = page.request.get("/calendar.ics")
    assert feed.status == 200
    events = [e for e in Calendar.from_ical(feed.body()).walk("VEVENT")
              if title in str(e["SUMMARY"])]  # fmt: skip
    assert len(events) == 1, title
    return events[0]


@pytest.fixture
def upcoming_meeting(live_server):
    with live_server.app.app_context():
        starts = (utc_now() + timedelta(days=10)).replace(hour=12, minute=0, second=0)
        meeting = operations.schedule_meeting(
            None,
            MeetingDetails(
                title="ISCG meeting on conformance and interoperability",
                description="Proposed by TDAG.",
                timezone="Europe/Zurich",
                schedule=ExactTimes(starts, starts + timedelta(hours=2)),
                format=MeetingFormat.VIRTUAL,
                platform="Zoom",
                join_url="https://zoom.example.org/j/777",
            ),
            status=MeetingStatus.CONFIRMED,
        )
        meeting_id = meeting.id
        db.session.remove()
    return meeting_id


def test_member_opens_the_next_meeting_and_copies_a_calendar_link(
    chromium, live_server, upcoming_meeting
):
    clipboard = ["clipboard-read", "clipboard-write"]
    context = chromium.new_context(base_url=live_server.url, permissions=clipboard)
    page = context.new_page()
    sign_in_as(page, "TDAG member")
    page.get_by_role("link", name="ISCG meeting on conformance and interoperability").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/meetings/{upcoming_meeting}")
    assert page.get_by_role("link", name="Join online (Zoom)").is_visible()

    page.get_by_role("link", name="My personal calendar links (with join links)").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Name of the link").fill("Outlook at work")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Copy the address").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Copied to the clipboard.").wait_for()
    address = page.evaluate("() => navigator.clipboard.readText()")
    assert (
        address
        == page.get_by_label("Address to paste into your calendar application").input_value()
    )

    feed = context.request.get(address)
    assert feed.status == 200
    assert b"zoom.example.org/j/777" in feed.body().replace(b"\r\n ", b"")
    context.close()


def test_admin_schedules_reschedules_and_cancels_and_the_feed_follows(page):
    sign_in_as(page, "ISCG Secretariat")
    page.goto("/meetings/")
    page.get_by_role("link", name="Schedule a meeting").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Title").fill("Extraordinary ISCG meeting")
    page.get_by_label("Confirmed").check()
    page.get_by_label("Starts").fill("2031-03-12T14:00")
    page.get_by_label("Ends").fill("2031-03-12T16:00")
    page.get_by_label("Platform").fill("MyMeetings")
    page.get_by_role("button", name="Save meeting").press("Enter")
    page.get_by_text("The meeting is scheduled.").wait_for()
    first = _event(page, "Extraordinary ISCG meeting")
    assert first["DTSTART"].dt.hour == 14 and int(first["SEQUENCE"]) == 0

    page.get_by_role("link", name="Edit or reschedule").press("Enter")
    page.get_by_label("Starts").fill("2031-03-19T10:00")
    page.get_by_label("Ends").fill("2031-03-19T12:00")
    page.get_by_role("button", name="Save meeting").press("Enter")
    page.get_by_text("The meeting is updated.").wait_for()
    moved = _event(page, "Extraordinary ISCG meeting")
    assert moved["DTSTART"].dt.day == 19 and int(moved["SEQUENCE"]) == 1
    assert moved["UID"] == first["UID"]

    page.get_by_role("link", name="Cancel the meeting").press("Enter")
    page.get_by_role("button", name="Yes, cancel the meeting").press("Enter")
    page.get_by_text("This meeting is cancelled.", exact=True).wait_for()
    cancelled = _event(page, "Extraordinary ISCG meeting")
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 2


def test_keyboard_focus_is_visible_and_the_skip_link_works(page):
    page.goto("/meetings/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    outline = skip.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_pages_work_at_200_percent_zoom(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 640, "height": 800}, device_scale_factor=2
    )
    page = context.new_page()
    page.goto("/meetings/1")
    overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    context.close()


def test_meeting_page_prints_without_navigation(page):
    page.goto("/meetings/1")
    page.emulate_media(media="print")
    assert not page.locator("header.site-header").is_visible()
    assert page.get_by_role("heading", name="Agenda").is_visible()


def test_admin_is_asked_which_repeated_hour_and_the_feed_carries_that_instant(page):
    """02:30 on 31 October 2021 happens twice in Zurich: the form asks, the feed is exact."""
    sign_in_as(page, "ISCG Secretariat")
    page.goto("/meetings/new")
    page.get_by_label("Title").fill("Meeting in the repeated hour")
    page.get_by_label("Confirmed").check()
    page.get_by_label("Starts").fill("2021-10-31T02:30")
    page.get_by_label("Ends").fill("2021-10-31T04:00")
    page.get_by_role("button", name="Save meeting").press("Enter")
    page.get_by_text("happens twice in Europe/Zurich").first.wait_for()
    assert axe_violations(page) == []
    second = page.get_by_role("radio", name="The second, after (CET, UTC+01:00)")
    second.focus()
    page.keyboard.press("Space")
    assert second.is_checked()
    page.get_by_role("button", name="Save meeting").press("Enter")
    page.get_by_text("The meeting is scheduled.").wait_for()
    page.get_by_text("02:30 (CET, UTC+01:00)").first.wait_for()
    event = _event(page, "Meeting in the repeated hour")
    assert event["DTSTART"].dt == datetime(2021, 10, 31, 1, 30, tzinfo=UTC)
    assert event["DTEND"].dt == datetime(2021, 10, 31, 3, 0, tzinfo=UTC)
