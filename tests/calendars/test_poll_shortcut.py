"""Polls of the feeds whose version the worker holds are answered before Flask, as the views
would answer them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask, request_started
from flask.testing import FlaskClient
from sqlalchemy import select, update
from werkzeug.test import TestResponse

from iscg_module.access import PUBLIC, rule_of
from iscg_module.calendars.subscription import CalendarSubscription
from iscg_module.calendars.subscription_operations import (
    USE_NOTED_EVERY,
    create_subscription,
    revoke_subscription,
)
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.testing.factories import make_meeting
from iscg_module.users.models import User
from tests.calendars.helpers import FEED, fetch

ACCEPTS_GZIP = {"Accept-Encoding": "gzip"}


def _entering_flask(
    app: Flask, client: FlaskClient, url: str = FEED, method: str = "GET", **headers: str
) -> tuple[int, int]:
    """The status of a request for ``url``, and how many requests entered the application."""
    entered: list[object] = []

    def note(sender: object, **_: object) -> None:
        entered.append(sender)

    request_started.connect(note, app)
    try:
        status = client.open(url, method=method, headers=headers).status_code
    finally:
        request_started.disconnect(note, app)
    return status, len(entered)


@pytest.fixture
def personal_feed(member: User) -> str:
    _link, token = create_subscription(member, "phone")
    return f"/calendar/{token}.ics"


@pytest.fixture
def feed_url(request: pytest.FixtureRequest) -> str:
    """The public feed's address, or a personal feed's (the test's parameter says which)."""
    return FEED if request.param == "public" else request.getfixturevalue("personal_feed")


BOTH_FEEDS = pytest.mark.parametrize("feed_url", ["public", "personal"], indirect=True)


@BOTH_FEEDS
def test_a_current_poll_is_answered_304_without_entering_the_application(
    app, client, steady_versions, feed_url
):
    make_meeting()
    etag = fetch(client, feed_url).headers["ETag"]
    assert _entering_flask(app, client, feed_url, **{"If-None-Match": etag}) == (304, 0)


@BOTH_FEEDS
@pytest.mark.parametrize("accept", [{}, ACCEPTS_GZIP], ids=["identity", "gzip"])
def test_a_poll_of_a_built_version_gets_its_200_without_entering_the_application(
    app, client, steady_versions, feed_url, accept
):
    make_meeting()
    fetch(client, feed_url)
    assert _entering_flask(app, client, feed_url, **accept) == (200, 0)


def _as_view_and_shortcut(
    app: Flask, client: FlaskClient, url: str, **headers: str
) -> tuple[TestResponse, TestResponse]:
    app.extensions["iscg_feed_versions"].forget_all()
    by_view = fetch(client, url, **headers)  # the version is read again: the view answers
    return by_view, fetch(client, url, **headers)


@BOTH_FEEDS
@pytest.mark.parametrize("accept", [{}, ACCEPTS_GZIP], ids=["identity", "gzip"])
@pytest.mark.parametrize("conditional", [False, True], ids=["200", "304"])
def test_the_shortcut_sends_the_views_status_headers_and_bytes(
    app, client, steady_versions, feed_url, accept, conditional
):
    make_meeting()
    first = fetch(client, feed_url, **accept)
    headers = {**accept, **({"If-None-Match": first.headers["ETag"]} if conditional else {})}
    assert _entering_flask(app, client, feed_url, **headers)[1] == 0
    view, shortcut = _as_view_and_shortcut(app, client, feed_url, **headers)
    assert view.status_code == shortcut.status_code == (304 if conditional else 200)
    assert sorted(view.headers.items()) == sorted(shortcut.headers.items())
    assert view.data == shortcut.data
    assert shortcut.headers["Content-Security-Policy"]
    assert "Accept-Encoding" in shortcut.headers["Vary"]


def test_a_stale_poll_goes_to_the_application(app, client, admin):
    meeting = make_meeting()
    etag = fetch(client).headers["ETag"]
    operations.cancel_meeting(admin, meeting)
    assert _entering_flask(app, client, **{"If-None-Match": etag}) == (200, 1)


def test_a_version_not_yet_built_for_this_address_goes_to_the_application(
    app, client, steady_versions
):
    """A feed's links follow the address it is fetched at, so each address has its copy."""
    make_meeting()
    fetch(client)
    assert _entering_flask(app, client, FEED, Host="other.iscg.test") == (200, 1)
    assert _entering_flask(app, client, FEED, Host="other.iscg.test") == (200, 0)


def test_a_poll_without_a_fresh_version_goes_to_the_application(app, client):
    make_meeting()
    fetch(client)
    app.extensions["iscg_feed_versions"].forget_all()
    assert _entering_flask(app, client) == (200, 1)


def test_a_personal_poll_costs_one_query_however_many_meetings(
    client, personal_feed, count_queries, steady_versions
):
    make_meeting()
    fetch(client, personal_feed)
    few = count_queries(client, personal_feed)
    for number in range(20):
        make_meeting(title=f"Meeting {number}")
    fetch(client, personal_feed)
    assert few == count_queries(client, personal_feed) == 1  # the link, by its token's hash


def test_a_revoked_link_is_refused_though_its_feed_is_cached(
    app, client, member, personal_feed, steady_versions
):
    make_meeting()
    etag = fetch(client, personal_feed).headers["ETag"]
    link = db.session.scalar(select(CalendarSubscription))
    revoke_subscription(member, link)
    assert _entering_flask(app, client, personal_feed)[0] == 404
    assert _entering_flask(app, client, personal_feed, **{"If-None-Match": etag})[0] == 404


def test_unknown_and_odd_tokens_go_to_the_application(app, client, steady_versions):
    make_meeting()
    for url in ("/calendar/not-a-real-token-at-all.ics", "/calendar/.ics", "/calendar/a%20b.ics"):
        assert _entering_flask(app, client, url) == (404, 1)


def test_a_link_whose_use_is_due_goes_to_the_application_which_notes_it(
    app, client, personal_feed, steady_versions
):
    make_meeting()
    fetch(client, personal_feed)
    long_ago = utc_now() - USE_NOTED_EVERY - timedelta(minutes=1)
    db.session.execute(update(CalendarSubscription).values(last_used_at=long_ago))
    db.session.commit()
    assert _entering_flask(app, client, personal_feed) == (200, 1)
    db.session.expire_all()
    noted = db.session.scalar(select(CalendarSubscription.last_used_at))
    assert noted is not None and noted > long_ago
    assert _entering_flask(app, client, personal_feed) == (200, 0)


def test_the_feeds_the_shortcut_answers_are_open_to_anyone(app):
    """The shortcut skips the access gate, which it may only for endpoints open to all."""
    for endpoint in ("calendars.public_feed", "calendars.personal_feed"):
        assert rule_of(app, endpoint) is PUBLIC


def test_head_of_a_built_version_is_answered_by_the_shortcut_without_a_body(
    app, client, steady_versions
):
    make_meeting()
    full = fetch(client, FEED, **ACCEPTS_GZIP)
    assert _entering_flask(app, client, FEED, "HEAD", **ACCEPTS_GZIP) == (200, 0)
    head = client.head(FEED, headers=ACCEPTS_GZIP)
    assert head.data == b""
    assert sorted(head.headers.items()) == sorted(full.headers.items())
