"""Fetching and reading feeds in the calendar tests."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from icalendar import Calendar, Event
from werkzeug.test import TestResponse

from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import DateWindow, ExactTimes, MeetingDetails
from iscg_module.testing.factories import at

FEED = "/calendar.ics"
JOIN = "https://zoom.example.org/j/123456"
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"

SUMMER = ExactTimes(at(2021, 9, 1, 14), at(2021, 9, 1, 16))  # 12:00Z-14:00Z (CEST)
WINTER = ExactTimes(at(2022, 1, 26, 10), at(2022, 1, 26, 12))  # 09:00Z-11:00Z (CET)
NEW_YORK = "America/New_York"
NEW_YORK_SUMMER = ExactTimes(at(2021, 9, 1, 9, NEW_YORK), at(2021, 9, 1, 10, NEW_YORK))
NEW_YORK_WINTER = ExactTimes(at(2022, 1, 26, 9, NEW_YORK), at(2022, 1, 26, 10, NEW_YORK))


def meeting_file(meeting: Meeting) -> str:
    return f"/meetings/{meeting.id}.ics"


def page_url(meeting: Meeting) -> str:
    return f"http://iscg.test/meetings/{meeting.id}"


def fetch(client: FlaskClient, url: str = FEED, **headers: str) -> TestResponse:
    """GET ``url``; conditional headers go by their HTTP names, e.g. ``**{"If-None-Match": x}``."""
    return client.get(url, headers=headers)


def calendar_at(client: FlaskClient, url: str = FEED) -> Calendar:
    response = fetch(client, url)
    assert response.status_code == 200, response.status_code
    return Calendar.from_ical(response.data)


def unfolded(data: bytes) -> str:
    """The feed's text with long lines joined again (RFC 5545, 3.1), to search values in."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")


def event_for(calendar: Calendar, meeting: Meeting) -> Event:
    matches = [event for event in calendar.walk("VEVENT") if str(event["UID"]) == meeting.uid]
    assert len(matches) == 1, f"{len(matches)} events with the UID of meeting {meeting.id}"
    return matches[0]


def raw_lines(data: bytes, meeting: Meeting) -> list[str]:
    """The unfolded content lines of ``meeting``'s VEVENT, as the feed wrote them."""
    for block in unfolded(data).split("BEGIN:VEVENT\r\n")[1:]:
        lines = block.split("END:VEVENT")[0].split("\r\n")
        if f"UID:{meeting.uid}" in lines:
            return [line for line in lines if line]
    raise AssertionError(f"no VEVENT for meeting {meeting.id}")


def edit(meeting: Meeting, **changes: Any) -> Meeting:
    """Change some of ``meeting``'s details through the product, keeping the others."""
    if meeting.has_exact_times:
        schedule: Any = ExactTimes(meeting.local_starts_at, meeting.local_ends_at)
    else:
        schedule = DateWindow(meeting.earliest_date, meeting.latest_date)
    values: dict[str, Any] = {
        "title": meeting.title,
        "description": meeting.description,
        "timezone": meeting.timezone,
        "schedule": schedule,
        "format": meeting.format,
        "platform": meeting.platform,
        "join_url": meeting.join_url,
        "venue": meeting.venue,
    }
    values.update(changes)
    return operations.update_meeting(None, meeting, MeetingDetails(**values))
