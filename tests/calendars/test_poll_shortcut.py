"""Polls of the public feed that hold its current version are answered before Flask."""

from __future__ import annotations

from flask import request_started

from iscg_module.meetings import operations
from iscg_module.testing.factories import make_meeting
from tests.calendars.helpers import FEED, fetch


def _requests_entering_flask(app, client, **headers: str) -> tuple[int, int]:
    entered: list[object] = []

    def note(sender: object, **_: object) -> None:
        entered.append(sender)

    request_started.connect(note, app)
    try:
        status = fetch(client, FEED, **headers).status_code
    finally:
        request_started.disconnect(note, app)
    return status, len(entered)


def test_a_current_poll_is_answered_304_without_entering_the_application(
    app, client, steady_versions
):
    make_meeting()
    etag = fetch(client).headers["ETag"]
    assert _requests_entering_flask(app, client, **{"If-None-Match": etag}) == (304, 0)


def test_the_shortcut_sends_the_views_headers(app, client, steady_versions):
    make_meeting()
    etag = fetch(client).headers["ETag"]
    shortcut = fetch(client, FEED, **{"If-None-Match": etag})
    app.extensions["iscg_feed_versions"].forget_all()
    view = fetch(client, FEED, **{"If-None-Match": etag})
    assert view.status_code == shortcut.status_code == 304

    def headers(response) -> list[tuple[str, str]]:
        # Flask adds "Vary: Cookie" once a session is looked at; the public feed ignores cookies.
        return sorted((name, value) for name, value in response.headers.items() if name != "Vary")

    assert headers(shortcut) == headers(view)
    assert shortcut.headers["Content-Security-Policy"]


def test_a_stale_poll_goes_to_the_application(app, client, admin):
    meeting = make_meeting()
    etag = fetch(client).headers["ETag"]
    operations.cancel_meeting(admin, meeting)
    assert _requests_entering_flask(app, client, **{"If-None-Match": etag}) == (200, 1)


def test_polls_without_a_validator_go_to_the_application(app, client):
    make_meeting()
    fetch(client)
    assert _requests_entering_flask(app, client) == (200, 1)
