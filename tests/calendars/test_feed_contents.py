"""What the feeds say: calendar properties, every event's properties, changes, cancellations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from iscg_module.calendars.feed_builder import PRODUCT_ID
from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.meetings import operations
from iscg_module.meetings.models import MeetingFormat
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import make_meeting, make_tentative_window, utc
from iscg_module.testing.fixtures import running_app
from tests.calendars import calendar_parsers
from tests.calendars.helpers import (
    CALENDAR_CONTENT_TYPE,
    FEED,
    NEW_YORK,
    NEW_YORK_SUMMER,
    SUMMER,
    WINTER,
    calendar_at,
    edit,
    event_for,
    fetch,
    meeting_file,
    page_url,
    raw_lines,
    unfolded,
)


def test_both_feeds_are_served_as_utf8_calendars(client):
    meeting = make_meeting(title="Réunion à Genève")
    for url in (FEED, meeting_file(meeting)):
        response = fetch(client, url)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == CALENDAR_CONTENT_TYPE
        assert "SUMMARY:Réunion à Genève" in response.data.decode("utf-8")


def test_files_are_named_for_download(client):
    meeting = make_meeting()
    assert fetch(client).headers["Content-Disposition"] == 'inline; filename="iscg-meetings.ics"'
    single = fetch(client, meeting_file(meeting)).headers["Content-Disposition"]
    assert single == f'inline; filename="iscg-meeting-{meeting.id}.ics"'


def test_public_feed_names_itself_and_asks_for_hourly_refresh(client):
    make_meeting()
    response = fetch(client)
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["PRODID"]) == PRODUCT_ID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["NAME"]) == "ISCG meetings"
    assert str(calendar["X-WR-CALNAME"]) == "ISCG meetings"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(hours=1)
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in response.data


def test_single_meeting_file_is_named_after_the_meeting(client):
    meeting = make_meeting(title="Budget review")
    calendar = calendar_at(client, meeting_file(meeting))
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "Budget review"
    assert [str(event["UID"]) for event in calendar.walk("VEVENT")] == [meeting.uid]


def test_an_empty_feed_is_still_a_calendar(client):
    calendar = calendar_at(client)
    assert str(calendar["X-WR-CALNAME"]) == "ISCG meetings"
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE") == []


def test_a_timed_event_carries_every_property_clients_need(client):
    meeting = make_meeting(title="Coordination", schedule=SUMMER)
    event = event_for(calendar_at(client), meeting)
    assert str(event["UID"]) == meeting.uid
    assert event.decoded("DTSTAMP") == meeting.updated_at
    assert event.decoded("LAST-MODIFIED") == meeting.updated_at
    assert event.decoded("CREATED") == meeting.created_at
    assert event["DTSTART"].params["TZID"] == "Europe/Zurich"
    assert event["DTEND"].params["TZID"] == "Europe/Zurich"
    assert event.decoded("DTSTART") == utc(2021, 9, 1, 12)
    assert event.decoded("DTEND") == utc(2021, 9, 1, 14)
    assert str(event["SUMMARY"]) == "Coordination"
    assert page_url(meeting) in str(event["DESCRIPTION"])
    assert str(event["URL"]) == page_url(meeting)
    assert str(event["LOCATION"]) == "Online (Zoom)"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event["CATEGORIES"].cats == ["ISCG", "virtual"]
    assert "TRANSP" not in event


def test_times_are_written_in_the_meetings_zone_and_stamps_in_utc(client):
    meeting = make_meeting(schedule=WINTER)
    lines = raw_lines(fetch(client).data, meeting)
    assert "DTSTART;TZID=Europe/Zurich:20220126T100000" in lines
    assert "DTEND;TZID=Europe/Zurich:20220126T120000" in lines
    assert f"DTSTAMP:{meeting.updated_at:%Y%m%dT%H%M%S}Z" in lines


def test_every_zone_used_has_exactly_one_vtimezone_in_the_same_calendar(client):
    make_meeting(schedule=SUMMER)
    make_meeting(schedule=WINTER)
    make_meeting(timezone=NEW_YORK, schedule=NEW_YORK_SUMMER)
    make_tentative_window(date(2022, 1, 24), date(2022, 2, 4), timezone="Asia/Tokyo")
    calendar = calendar_at(client)
    used = {
        event[name].params["TZID"]
        for event in calendar.walk("VEVENT")
        for name in ("DTSTART", "DTEND")
        if "TZID" in event[name].params
    }
    defined = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert used == {"Europe/Zurich", NEW_YORK}
    assert sorted(defined) == sorted(used)


def test_location_follows_the_format(client):
    physical = make_meeting(format=MeetingFormat.PHYSICAL, venue="Geneva, Room K", platform=None)
    hybrid = make_meeting(format=MeetingFormat.HYBRID, venue="Geneva, Room K")
    calendar = calendar_at(client)
    assert str(event_for(calendar, physical)["LOCATION"]) == "Geneva, Room K"
    assert str(event_for(calendar, hybrid)["LOCATION"]) == "Geneva, Room K; Online (Zoom)"
    assert event_for(calendar, hybrid)["CATEGORIES"].cats == ["ISCG", "hybrid"]


def test_description_lists_the_agenda_in_order_then_the_page(client, admin):
    meeting = make_meeting(description="Yearly review.")
    for title in ("Opening", "Budget", "Any other business"):
        operations.add_agenda_item(admin, meeting, title, None, None)
    description = str(event_for(calendar_at(client), meeting)["DESCRIPTION"])
    assert description == (
        "Yearly review.\n\n"
        "Agenda:\n1. Opening\n2. Budget\n3. Any other business\n\n"
        f"Details: {page_url(meeting)}"
    )


def test_uid_stays_the_same_after_edits_and_differs_between_meetings(client, admin):
    meeting = make_meeting(schedule=SUMMER)
    other = make_meeting(schedule=SUMMER)
    before = str(event_for(calendar_at(client), meeting)["UID"])
    edit(meeting, title="Renamed", schedule=WINTER, format=MeetingFormat.HYBRID, venue="Room K")
    operations.cancel_meeting(admin, meeting)
    calendar = calendar_at(client)
    assert str(event_for(calendar, meeting)["UID"]) == before
    assert before != other.uid
    assert len(calendar.walk("VEVENT")) == 2


@pytest.mark.parametrize("url_of", [lambda meeting: FEED, meeting_file], ids=["feed", "file"])
def test_sequence_rises_as_clients_see_it_after_reschedule_and_cancel(client, admin, url_of):
    meeting = make_meeting(schedule=SUMMER)

    def sequence() -> int:
        return event_for(calendar_at(client, url_of(meeting)), meeting)["SEQUENCE"]

    assert sequence() == 0
    edit(meeting, schedule=WINTER)
    assert sequence() == 1
    operations.cancel_meeting(admin, meeting)
    assert sequence() == 2


def test_a_reschedule_moves_the_event_and_its_stamps(client):
    meeting = make_meeting(schedule=SUMMER)
    edit(meeting, schedule=WINTER)
    event = event_for(calendar_at(client), meeting)
    assert event.decoded("DTSTART") == utc(2022, 1, 26, 9)
    assert event.decoded("LAST-MODIFIED") == event.decoded("DTSTAMP") == meeting.updated_at


def test_an_agenda_change_shows_without_raising_sequence(client, admin):
    meeting = make_meeting()
    operations.add_agenda_item(admin, meeting, "Late addition", None, None)
    event = event_for(calendar_at(client), meeting)
    assert event["SEQUENCE"] == 0
    assert "1. Late addition" in str(event["DESCRIPTION"])


def test_a_cancelled_meeting_stays_in_the_feed_marked_cancelled(client, admin):
    meeting = make_meeting(title="Coordination", schedule=SUMMER)
    operations.cancel_meeting(admin, meeting)
    event = event_for(calendar_at(client), meeting)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Cancelled: Coordination"
    assert event.decoded("DTSTART") == utc(2021, 9, 1, 12)
    single = event_for(calendar_at(client, meeting_file(meeting)), meeting)
    assert str(single["STATUS"]) == "CANCELLED"


def test_a_tentative_window_is_a_transparent_all_day_span(client):
    meeting = make_tentative_window(date(2022, 1, 24), date(2022, 2, 4), title="Retreat")
    response = fetch(client)
    lines = raw_lines(response.data, meeting)
    assert "DTSTART;VALUE=DATE:20220124" in lines
    assert "DTEND;VALUE=DATE:20220205" in lines
    assert "STATUS:TENTATIVE" in lines
    assert "TRANSP:TRANSPARENT" in lines
    event = event_for(Calendar.from_ical(response.data), meeting)
    assert event.decoded("DTSTART") == date(2022, 1, 24)
    assert event.decoded("DTEND") == date(2022, 2, 5)
    assert str(event["SUMMARY"]) == "Retreat (date to be confirmed)"
    assert "between 24 January 2022 and 4 February 2022" in str(event["DESCRIPTION"])
    assert Calendar.from_ical(response.data).walk("VTIMEZONE") == []


def test_a_one_day_window_ends_the_next_day(client):
    meeting = make_tentative_window(date(2022, 2, 28), date(2022, 2, 28))
    event = event_for(calendar_at(client, meeting_file(meeting)), meeting)
    assert event.decoded("DTSTART") == date(2022, 2, 28)
    assert event.decoded("DTEND") == date(2022, 3, 1)


def test_a_window_given_exact_times_becomes_a_timed_event(client):
    meeting = make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    edit(meeting, schedule=WINTER)
    event = event_for(calendar_at(client), meeting)
    assert event.decoded("DTSTART") == utc(2022, 1, 26, 9)
    assert event["SEQUENCE"] == 1
    assert "TRANSP" not in event


def test_an_unknown_meeting_file_is_not_found(client):
    assert fetch(client, "/meetings/999999.ics").status_code == 404


@pytest.mark.parametrize("url_of", [lambda meeting: FEED, meeting_file], ids=["feed", "file"])
def test_a_copy_built_for_one_address_is_not_served_at_another(client, url_of):
    """Links are absolute: a copy cached for https must not reach a client of http."""
    meeting = make_meeting()
    secure = client.get(url_of(meeting), base_url="https://iscg.test")
    assert str(event_for(Calendar.from_ical(secure.data), meeting)["URL"]) == (
        f"https://iscg.test/meetings/{meeting.id}"
    )
    plain = event_for(calendar_at(client, url_of(meeting)), meeting)
    assert str(plain["URL"]) == page_url(meeting)
    assert page_url(meeting) in str(plain["DESCRIPTION"])


def test_every_event_names_the_secretariat_as_organizer(client):
    make_meeting()
    [event] = calendar_at(client).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:iscg@itu.int"
    assert event["ORGANIZER"].params["CN"] == "ISCG Secretariat"


def test_the_organizer_address_is_a_setting(database_url):
    for app in running_app(database_url, ISCG_SECRETARIAT_EMAIL="secretariat@example.org"):
        meeting = make_meeting()
        [event] = calendar_at(app.test_client(), meeting_file(meeting)).walk("VEVENT")
        assert str(event["ORGANIZER"]) == "mailto:secretariat@example.org"


# a stored title -> the event's summary and the calendar's name: one line, as clients list them
CALENDAR_TEXT = {
    "Line one\nline two": "Line one line two",
    "Break\r\nand\u2028separator": "Break and separator",
    "Semi; colon, comma \\ backslash": "Semi; colon, comma \\ backslash",
    "Tab\there": "Tab here",
    "Ünïcødé 会议": "Ünïcødé 会议",
}


def escaped_text(text: str) -> str:
    """TEXT as RFC 5545 (3.3.11) writes it: backslash, semicolon, comma and line breaks."""
    for character, escape in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\\n"),
                              ("\n", "\\n")):  # fmt: skip
        text = text.replace(character, escape)
    return text


@pytest.mark.parametrize(("title", "name"), CALENDAR_TEXT.items())
def test_titles_and_calendar_names_are_one_line_of_escaped_text(client, member_client, title, name):
    meeting = make_meeting(title=title)
    for visitor in (client, member_client):
        response = fetch(visitor, meeting_file(meeting))
        assert response.status_code == 200
        calendar_lines = unfolded(response.data).split("BEGIN:VEVENT")[0].split("\r\n")
        for property_name in ("NAME", "X-WR-CALNAME"):
            assert f"{property_name}:{escaped_text(name)}" in calendar_lines
        assert f"SUMMARY:{escaped_text(name)}" in raw_lines(response.data, meeting)


@pytest.mark.parametrize("parser", [calendar_parsers.ical_js_document,
                                    calendar_parsers.libical_document])  # fmt: skip
def test_independent_parsers_read_a_title_with_a_line_break(client, parser):
    meeting = make_meeting(title="Line one\nline two; and, more")
    document = parser(fetch(client, meeting_file(meeting)).data)
    assert [event["summary"] for event in document["events"]] == ["Line one line two; and, more"]


def test_a_time_in_the_repeated_hour_is_written_in_utc(client):
    """02:30 on 31 October 2021 happens twice in Zurich; each occurrence is its UTC instant."""
    first = make_meeting(schedule=ExactTimes(utc(2021, 10, 31, 0, 30), utc(2021, 10, 31, 3)))
    second = make_meeting(schedule=ExactTimes(utc(2021, 10, 31, 1, 30), utc(2021, 10, 31, 3)))
    plain = make_meeting(schedule=WINTER)
    feed = fetch(client).data
    assert "DTSTART:20211031T003000Z" in raw_lines(feed, first)
    assert "DTEND:20211031T030000Z" in raw_lines(feed, first)
    assert "DTSTART:20211031T013000Z" in raw_lines(feed, second)
    assert "DTSTART;TZID=Europe/Zurich:20220126T100000" in raw_lines(feed, plain)


def test_libical_finds_nothing_wrong_with_any_feed_under_its_method(client, member_client, member):
    """libical's iTIP check of METHOD:PUBLISH (RFC 5546), and its parser's own errors."""
    meeting = make_meeting(join_url="https://zoom.example.org/j/1")
    make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    _link, token = create_subscription(member, "phone")
    feeds = [
        (client, FEED, 2),
        (client, f"/calendar/{token}.ics", 2),
        (client, meeting_file(meeting), 1),
        (member_client, meeting_file(meeting), 1),
    ]
    for visitor, url, events in feeds:
        document = calendar_parsers.libical_document(fetch(visitor, url).data)
        assert len(document["events"]) == events, url
        assert document["problems"] == [], url
