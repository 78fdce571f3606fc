"""Conditional GET: validators, 304 without building, and new versions after every change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from werkzeug.http import http_date

from iscg_module.calendars import conditional_get, feeds
from iscg_module.calendars.feed_cache import FeedCache
from iscg_module.calendars.version_cache import FRESH_FOR, FeedVersionCache
from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.fixtures import make_app
from tests.calendars.helpers import FEED, WINTER, edit, fetch, meeting_file, unfolded


class SpyCache:
    """Wraps the app's feed cache and records every lookup."""

    def __init__(self, cache: FeedCache) -> None:
        self.cache = cache
        self.lookups: list[str] = []

    def get_or_build(self, etag: str, build: Callable[[], bytes]) -> bytes:
        self.lookups.append(etag)
        return self.cache.get_or_build(etag, build)


@pytest.fixture
def spy_cache(app, monkeypatch) -> SpyCache:
    spy = SpyCache(app.extensions["iscg_feed_cache"])
    monkeypatch.setattr(conditional_get, "feed_cache", lambda: spy)
    return spy


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """How many meetings each calendar build serialised, one entry per build."""
    calls: list[int] = []
    real = feeds.build_calendar

    def counting(meetings: Any, *args: Any) -> bytes:
        calls.append(len(meetings))
        return real(meetings, *args)

    monkeypatch.setattr(feeds, "build_calendar", counting)
    return calls


def if_none_match(etag: str) -> dict[str, str]:
    return {"If-None-Match": etag}


def test_responses_carry_an_etag_and_the_last_change_as_last_modified(client):
    meeting = make_meeting()
    for url in (FEED, meeting_file(meeting)):
        response = fetch(client, url)
        assert response.headers["ETag"].startswith('"')
        assert response.headers["Last-Modified"] == http_date(meeting.updated_at)


def test_last_modified_is_the_latest_change_of_any_meeting(client, admin):
    make_meeting()
    later = make_meeting()
    operations.add_agenda_item(admin, later, "Opening", None, None)
    assert fetch(client).headers["Last-Modified"] == http_date(later.updated_at)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize("url_of", [lambda meeting: FEED, meeting_file], ids=["feed", "file"])
def test_current_etag_gets_304_with_an_empty_body(client, member_client, signed_in, url_of):
    someone = member_client if signed_in else client
    url = url_of(make_meeting())
    first = fetch(someone, url)
    again = fetch(someone, url, **if_none_match(first.headers["ETag"]))
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_if_modified_since_equal_to_last_modified_gets_304(client):
    meeting = make_meeting()
    for url in (FEED, meeting_file(meeting)):
        last_modified = fetch(client, url).headers["Last-Modified"]
        response = fetch(client, url, **{"If-Modified-Since": last_modified})
        assert (response.status_code, response.data) == (304, b"")


def test_an_unknown_etag_gets_the_full_feed(client):
    make_meeting()
    response = fetch(client, FEED, **if_none_match('"not-this-one"'))
    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.data


def reschedule(meeting: Meeting, admin: Any) -> None:
    edit(meeting, schedule=WINTER)


def rename(meeting: Meeting, admin: Any) -> None:
    edit(meeting, title="Renamed meeting")


def change_description(meeting: Meeting, admin: Any) -> None:
    edit(meeting, description="Words only, no SEQUENCE change.")


def add_agenda_item(meeting: Meeting, admin: Any) -> None:
    operations.add_agenda_item(admin, meeting, "Added item", None, None)


def rename_agenda_item(meeting: Meeting, admin: Any) -> None:
    operations.update_agenda_item(admin, meeting.agenda_items[0], "Renamed item", None, None)


def remove_agenda_item(meeting: Meeting, admin: Any) -> None:
    operations.remove_agenda_item(admin, meeting.agenda_items[0])


def move_agenda_item(meeting: Meeting, admin: Any) -> None:
    operations.move_agenda_item(admin, meeting.agenda_items[1], -1)


def cancel(meeting: Meeting, admin: Any) -> None:
    operations.cancel_meeting(admin, meeting)


def schedule_another(meeting: Meeting, admin: Any) -> None:
    make_meeting(title="Another meeting")


CHANGES = [
    reschedule,
    rename,
    change_description,
    add_agenda_item,
    rename_agenda_item,
    remove_agenda_item,
    move_agenda_item,
    cancel,
    schedule_another,
]


@pytest.mark.parametrize("change", CHANGES, ids=[change.__name__ for change in CHANGES])
def test_every_change_gives_the_feed_a_new_etag_and_a_200(client, admin, change):
    meeting = make_meeting()
    for title in ("First item", "Second item"):
        operations.add_agenda_item(admin, meeting, title, None, None)
    before = fetch(client)
    change(meeting, admin)
    after = fetch(client, FEED, **if_none_match(before.headers["ETag"]))
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert after.data != before.data


@pytest.mark.parametrize("change", CHANGES[:-1], ids=[change.__name__ for change in CHANGES[:-1]])
def test_every_change_gives_the_meeting_file_a_new_etag(client, admin, change):
    meeting = make_meeting()
    for title in ("First item", "Second item"):
        operations.add_agenda_item(admin, meeting, title, None, None)
    before = fetch(client, meeting_file(meeting))
    change(meeting, admin)
    after = fetch(client, meeting_file(meeting), **if_none_match(before.headers["ETag"]))
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]


def test_an_agenda_only_change_serves_new_text_under_the_same_sequence(client, admin):
    meeting = make_meeting()
    before = fetch(client)
    operations.add_agenda_item(admin, meeting, "Late addition", None, None)
    after = fetch(client, FEED, **if_none_match(before.headers["ETag"]))
    assert after.status_code == 200
    assert "1. Late addition" in unfolded(after.data)
    assert "SEQUENCE:0\r\n" in unfolded(after.data)


def test_a_stale_etag_wins_over_an_if_modified_since_that_still_matches(client, admin):
    meeting = make_meeting()
    before = fetch(client)
    operations.add_agenda_item(admin, meeting, "Same second", None, None)
    response = fetch(
        client,
        FEED,
        **if_none_match(before.headers["ETag"]),
        **{"If-Modified-Since": http_date(meeting.updated_at)},
    )
    assert response.status_code == 200


def test_a_304_never_builds_nor_reads_the_cache(client, spy_cache, builds):
    meeting = make_meeting()
    for url in (FEED, meeting_file(meeting)):
        etag = fetch(client, url).headers["ETag"]
        spy_cache.lookups.clear()
        builds.clear()
        assert fetch(client, url, **if_none_match(etag)).status_code == 304
        assert spy_cache.lookups == []
        assert builds == []


def test_an_unchanged_feed_is_built_once_and_rebuilt_after_a_change(client, admin, builds):
    meeting = make_meeting()
    first, second = fetch(client), fetch(client)
    assert first.data == second.data
    assert builds == [1]
    operations.add_agenda_item(admin, meeting, "Opening", None, None)
    fetch(client)
    make_meeting()
    fetch(client)
    assert builds == [1, 1, 2]


def test_a_304_of_the_feed_runs_at_most_the_version_query_for_one_or_thirty_meetings(
    app, client, count_queries, steady_versions
):
    versions = app.extensions["iscg_feed_versions"]
    make_meeting()
    etag = fetch(client).headers["ETag"]
    assert count_queries(client, FEED, **if_none_match(etag)) == 0  # the version is cached
    versions.forget_all()
    small = count_queries(client, FEED, **if_none_match(etag))
    for number in range(29):
        make_meeting(title=f"Meeting {number}")
    etag = fetch(client).headers["ETag"]
    versions.forget_all()
    large = count_queries(client, FEED, **if_none_match(etag))
    assert small == large == 1


def test_another_worker_sees_a_change_once_its_version_ages(database_url, client):
    """A second app instance on the same database stands for another worker process."""
    make_meeting()
    etag = fetch(client).headers["ETag"]
    other_app = make_app(database_url)
    other_versions = other_app.extensions["iscg_feed_versions"]
    other_versions.fresh_for = 60
    other = other_app.test_client()
    assert fetch(other, FEED, **if_none_match(etag)).status_code == 304
    make_meeting(title="Made by this worker")
    assert fetch(client, FEED, **if_none_match(etag)).status_code == 200
    assert fetch(other, FEED, **if_none_match(etag)).status_code == 304  # not yet seen there
    other_versions.fresh_for = 0  # what a second's wait does
    assert fetch(other, FEED, **if_none_match(etag)).status_code == 200


def test_versions_are_kept_for_one_second_by_default():
    assert FeedVersionCache().fresh_for == FRESH_FOR == 1.0


def test_feed_cache_keeps_the_most_recently_used_versions():
    cache = FeedCache(capacity=2)
    built: list[str] = []

    def build(etag: str) -> Callable[[], bytes]:
        def make() -> bytes:
            built.append(etag)
            return etag.encode()

        return make

    for etag in ("a", "b", "a", "c", "a", "b"):
        assert cache.get_or_build(etag, build(etag)).identity == etag.encode()
    assert built == ["a", "b", "c", "b"]
