"""Independent parsers read the same UTC times from the feed, in summer, winter and two zones."""

from __future__ import annotations

from datetime import date

import pytest

from iscg_module.meetings import operations
from iscg_module.testing.factories import make_meeting, make_tentative_window
from tests.calendars import calendar_parsers
from tests.calendars.calendar_parsers import PARSERS, ParsedEvent
from tests.calendars.helpers import (
    NEW_YORK,
    NEW_YORK_SUMMER,
    NEW_YORK_WINTER,
    SUMMER,
    WINTER,
    fetch,
    meeting_file,
)

# summary -> (start, end, all day) as every parser must report them
EXPECTED = {
    "Geneva summer": ("2021-09-01T12:00:00Z", "2021-09-01T14:00:00Z", False),
    "Geneva winter": ("2022-01-26T09:00:00Z", "2022-01-26T11:00:00Z", False),
    "New York summer": ("2021-09-01T13:00:00Z", "2021-09-01T14:00:00Z", False),
    "New York winter": ("2022-01-26T14:00:00Z", "2022-01-26T15:00:00Z", False),
    "Retreat (date to be confirmed)": ("2022-01-24", "2022-02-05", True),
}


@pytest.fixture
def feed(client) -> bytes:
    """Meetings in both seasons, in two zones, and a tentative window."""
    make_meeting(title="Geneva summer", schedule=SUMMER)
    make_meeting(title="Geneva winter", schedule=WINTER)
    make_meeting(title="New York summer", timezone=NEW_YORK, schedule=NEW_YORK_SUMMER)
    make_meeting(title="New York winter", timezone=NEW_YORK, schedule=NEW_YORK_WINTER)
    make_tentative_window(date(2022, 1, 24), date(2022, 2, 4), title="Retreat")
    return fetch(client).data


def by_summary(events: list[ParsedEvent]) -> dict[str, ParsedEvent]:
    return {event.summary: event for event in events}


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_every_parser_reads_the_same_utc_times(feed, parser):
    events = by_summary(parser(feed))
    read = {summary: (e.start, e.end, e.all_day) for summary, e in events.items()}
    assert read == EXPECTED


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_every_parser_reads_status_and_sequence(client, admin, parser):
    kept = make_meeting(title="Kept", schedule=SUMMER)
    dropped = make_meeting(title="Dropped", schedule=WINTER)
    operations.cancel_meeting(admin, dropped)
    events = {event.uid: event for event in parser(fetch(client).data)}
    assert (events[kept.uid].status, events[kept.uid].sequence) == ("CONFIRMED", 0)
    assert (events[dropped.uid].status, events[dropped.uid].sequence) == ("CANCELLED", 1)
    assert events[dropped.uid].start == "2022-01-26T09:00:00Z"


@pytest.mark.parametrize("parser", PARSERS.values(), ids=PARSERS.keys())
def test_every_parser_reads_a_single_meeting_file(client, parser):
    meeting = make_meeting(timezone=NEW_YORK, schedule=NEW_YORK_WINTER)
    [event] = parser(fetch(client, meeting_file(meeting)).data)
    assert event.uid == meeting.uid
    assert event.start == "2022-01-26T14:00:00Z"
    assert event.end == "2022-01-26T15:00:00Z"


def test_ical_js_sees_the_calendar_name_and_the_members_conference(member_client):
    meeting = make_meeting(join_url="https://zoom.example.org/j/987")
    public = calendar_parsers.ical_js_document(fetch(member_client).data)
    assert public["name"] == "ISCG meetings"
    assert [event["conference"] for event in public["events"]] == [None]
    members = calendar_parsers.ical_js_document(fetch(member_client, meeting_file(meeting)).data)
    assert [event["conference"] for event in members["events"]] == [
        "https://zoom.example.org/j/987"
    ]


def summaries_between(feed: bytes, start: date, end: date) -> set[str]:
    return {event.summary for event in calendar_parsers.between(feed, start, end)}


def test_recurring_ical_events_finds_the_summer_meetings_on_their_day(feed):
    found = summaries_between(feed, date(2021, 9, 1), date(2021, 9, 2))
    assert found == {"Geneva summer", "New York summer"}


def test_recurring_ical_events_finds_the_window_around_the_winter_meetings(feed):
    found = summaries_between(feed, date(2022, 1, 26), date(2022, 1, 27))
    assert found == {"Geneva winter", "New York winter", "Retreat (date to be confirmed)"}


def test_recurring_ical_events_counts_the_windows_last_day_but_not_the_next(feed):
    assert summaries_between(feed, date(2022, 2, 4), date(2022, 2, 5)) == {
        "Retreat (date to be confirmed)"
    }
    assert summaries_between(feed, date(2022, 2, 5), date(2022, 2, 6)) == set()
    assert summaries_between(feed, date(2022, 1, 23), date(2022, 1, 24)) == set()
