"""Join links: never in the public feed, only in a signed-in member's private copy."""

from __future__ import annotations

from icalendar import Calendar

from iscg_module.testing.factories import make_meeting
from tests.calendars.helpers import (
    FEED,
    JOIN,
    event_for,
    fetch,
    meeting_file,
    unfolded,
)

JOIN_HOST = "zoom.example.org"


def assert_no_join_link(data: bytes) -> None:
    """Neither in the bytes as sent nor once long lines are joined, nor in any property."""
    assert JOIN.encode() not in data
    assert JOIN_HOST.encode() not in data
    assert JOIN not in unfolded(data)
    assert "CONFERENCE" not in unfolded(data)
    for event in Calendar.from_ical(data).walk("VEVENT"):
        assert all(JOIN not in str(value) for value in event.values())


def test_public_feed_has_no_join_link_for_anyone(client, member_client, admin_client):
    make_meeting(join_url=JOIN)
    make_meeting(join_url=JOIN + "?pwd=secret")
    for someone in (client, member_client, admin_client):
        response = fetch(someone, FEED)
        assert response.status_code == 200
        assert_no_join_link(response.data)


def test_public_feed_stays_free_of_join_links_after_a_member_fetched_their_copy(
    client, member_client
):
    meeting = make_meeting(join_url=JOIN)
    assert JOIN in unfolded(fetch(member_client, meeting_file(meeting)).data)
    assert_no_join_link(fetch(member_client, FEED).data)
    assert_no_join_link(fetch(client, FEED).data)


def test_members_meeting_file_has_the_join_link_as_conference_and_in_the_description(
    member_client,
):
    meeting = make_meeting(join_url=JOIN, platform="Zoom")
    response = fetch(member_client, meeting_file(meeting))
    event = event_for(Calendar.from_ical(response.data), meeting)
    assert str(event["CONFERENCE"]) == JOIN
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    assert event["CONFERENCE"].params["FEATURE"] == "VIDEO"
    assert event["CONFERENCE"].params["LABEL"] == "Zoom"
    assert f"Join: {JOIN}" in str(event["DESCRIPTION"])


def test_members_meeting_file_is_cached_privately_only(member_client):
    meeting = make_meeting(join_url=JOIN)
    response = fetch(member_client, meeting_file(meeting))
    assert response.cache_control.private
    assert not response.cache_control.public
    assert "Cookie" in response.vary


def test_anonymous_meeting_file_has_no_join_link_and_may_be_cached_publicly(client):
    meeting = make_meeting(join_url=JOIN)
    response = fetch(client, meeting_file(meeting))
    assert response.status_code == 200
    assert_no_join_link(response.data)
    assert response.cache_control.public
    assert not response.cache_control.private
    assert response.cache_control.max_age == 300
    assert response.cache_control.must_revalidate


def test_public_feed_may_be_cached_publicly(client):
    make_meeting()
    cache_control = fetch(client).cache_control
    assert cache_control.public and not cache_control.private
    assert cache_control.max_age == 300


def test_anonymous_copy_is_not_served_from_the_members_cached_copy(client, member_client):
    meeting = make_meeting(join_url=JOIN)
    members = fetch(member_client, meeting_file(meeting))
    anonymous = fetch(client, meeting_file(meeting))
    assert members.headers["ETag"] != anonymous.headers["ETag"]
    assert_no_join_link(anonymous.data)


def test_a_members_etag_replayed_anonymously_gets_the_public_copy_not_a_304(client, member_client):
    meeting = make_meeting(join_url=JOIN)
    members_etag = fetch(member_client, meeting_file(meeting)).headers["ETag"]
    response = fetch(client, meeting_file(meeting), **{"If-None-Match": members_etag})
    assert response.status_code == 200
    assert_no_join_link(response.data)


def test_a_meeting_without_join_link_has_no_conference_even_for_members(member_client):
    meeting = make_meeting(join_url=None)
    event = event_for(Calendar.from_ical(fetch(member_client, meeting_file(meeting)).data), meeting)
    assert "CONFERENCE" not in event
    assert "Join:" not in str(event["DESCRIPTION"])


def test_a_cancelled_meeting_loses_its_join_link_in_members_copies(member_client, admin):
    from iscg_module.meetings import operations

    meeting = make_meeting(join_url=JOIN)
    operations.cancel_meeting(admin, meeting)
    response = fetch(member_client, meeting_file(meeting))
    assert response.status_code == 200
    assert_no_join_link(response.data)
    assert "STATUS:CANCELLED" in unfolded(response.data)
