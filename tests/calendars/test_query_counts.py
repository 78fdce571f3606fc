"""Building a feed costs a fixed number of queries, however many meetings and agenda items."""

from __future__ import annotations

from datetime import date, timedelta

from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting
from iscg_module.testing.factories import make_meeting, make_tentative_window
from tests.calendars.helpers import FEED, fetch, meeting_file, unfolded

# The version (aggregate), the meetings, and all their agenda items in one more query.
PUBLIC_FEED_QUERIES = 3


def add_meetings(admin, count: int) -> list[Meeting]:
    """``count`` more meetings with two agenda items each; every fifth is a tentative window."""
    meetings = []
    for number in range(count):
        if number % 5 == 4:
            first = date(2031, 1, 1) + timedelta(days=7 * number)
            meeting = make_tentative_window(first, first + timedelta(days=4))
        else:
            meeting = make_meeting(title=f"Meeting {number}")
        for item in ("Opening", "Closing"):
            operations.add_agenda_item(admin, meeting, f"{item} of {number}", None, None)
        meetings.append(meeting)
    return meetings


def test_public_feed_build_queries_do_not_grow_with_meetings(client, admin, count_queries):
    add_meetings(admin, 2)
    with_two = count_queries(client, FEED)
    add_meetings(admin, 28)
    with_thirty = count_queries(client, FEED)
    assert with_two == with_thirty == PUBLIC_FEED_QUERIES


def test_a_gzip_feed_costs_the_queries_of_a_plain_one(
    client, admin, count_queries, steady_versions
):
    gzip = {"Accept-Encoding": "gzip"}
    add_meetings(admin, 2)
    with_two = count_queries(client, FEED, **gzip)
    add_meetings(admin, 28)
    with_thirty = count_queries(client, FEED, **gzip)
    assert with_two == with_thirty == PUBLIC_FEED_QUERIES
    assert count_queries(client, FEED) == 0  # the plain copy was kept with the gzip one


def test_the_counted_build_really_served_every_meeting_and_agenda(client, admin, count_queries):
    meetings = add_meetings(admin, 30)
    assert count_queries(client, FEED) == PUBLIC_FEED_QUERIES
    text = unfolded(fetch(client).data)
    assert text.count("BEGIN:VEVENT") == 30
    assert all(f"1. Opening of {number}" in text for number in range(30))
    assert all(f"UID:{meeting.uid}" in text for meeting in meetings)


def test_cancelled_meetings_cost_no_extra_queries(client, admin, count_queries):
    meetings = add_meetings(admin, 4)
    before = count_queries(client, FEED)
    for meeting in meetings[:2]:
        operations.cancel_meeting(admin, meeting)
    assert count_queries(client, FEED) == before


def test_meeting_file_queries_do_not_grow_with_its_agenda(
    client, member_client, admin, count_queries
):
    meeting = make_meeting()
    operations.add_agenda_item(admin, meeting, "Only item", None, None)
    anonymous_short = count_queries(client, meeting_file(meeting))
    member_short = count_queries(member_client, meeting_file(meeting))
    for number in range(20):
        operations.add_agenda_item(admin, meeting, f"Item {number}", None, None)
    assert count_queries(client, meeting_file(meeting)) == anonymous_short
    assert count_queries(member_client, meeting_file(meeting)) == member_short
