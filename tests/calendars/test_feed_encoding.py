"""Feeds served gzip when the client accepts it, compressed once per version, with ETags and
Vary headers that keep the two representations apart."""

from __future__ import annotations

import gzip

import pytest
from flask.testing import FlaskClient
from werkzeug.http import parse_accept_header

from iscg_module.calendars import feed_encoding
from iscg_module.calendars.feed_encoding import (
    GZIP,
    IDENTITY,
    acceptable_encodings,
    encodings_for_header,
)
from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.meetings import operations
from iscg_module.testing.factories import make_meeting
from iscg_module.users.models import User
from tests.calendars.helpers import FEED, fetch, meeting_file

ACCEPTS_GZIP = {"Accept-Encoding": "gzip"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, (IDENTITY,)),
        ("", (IDENTITY,)),
        ("identity", (IDENTITY,)),
        ("deflate, br", (IDENTITY,)),
        ("gzip", (GZIP, IDENTITY)),
        ("GZIP", (GZIP, IDENTITY)),
        ("x-gzip", (GZIP, IDENTITY)),
        ("gzip, deflate, br", (GZIP, IDENTITY)),
        ("*", (GZIP, IDENTITY)),
        ("gzip;q=0", (IDENTITY,)),
        ("gzip;q=0, *", (IDENTITY,)),
        ("*;q=0", (IDENTITY,)),
        ("identity;q=0, gzip", (GZIP,)),
        ("*;q=0, gzip", (GZIP,)),
        ("gzip;q=0.5, identity", (IDENTITY, GZIP)),
        ("gzip;q=0.5, identity;q=0.5", (GZIP, IDENTITY)),
        ("identity;q=0", (IDENTITY,)),  # nothing acceptable: plain text rather than an error
    ],
)
def test_the_encodings_a_client_accepts_come_in_its_order_of_preference(header, expected):
    assert acceptable_encodings(parse_accept_header(header)) == expected
    assert encodings_for_header(header) == expected  # the poll shortcut's, from the raw header


@pytest.fixture
def personal_feed(member: User) -> str:
    _link, token = create_subscription(member, "phone")
    return f"/calendar/{token}.ics"


@pytest.fixture
def feeds(
    client: FlaskClient, member_client: FlaskClient, personal_feed: str
) -> dict[str, tuple[FlaskClient, str]]:
    """Every calendar answer there is, each with the client that fetches it."""
    meeting = make_meeting()
    return {
        "public feed": (client, FEED),
        "personal feed": (client, personal_feed),
        "meeting file": (client, meeting_file(meeting)),
        "member's meeting file": (member_client, meeting_file(meeting)),
    }


FEEDS = ["public feed", "personal feed", "meeting file", "member's meeting file"]


@pytest.mark.parametrize("name", FEEDS)
def test_gzip_is_sent_when_accepted_and_unpacks_to_the_plain_body(feeds, name):
    client, url = feeds[name]
    plain = fetch(client, url)
    packed = fetch(client, url, **ACCEPTS_GZIP)
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data)
    for answer in (plain, packed):
        assert answer.headers["Content-Length"] == str(len(answer.data))
        assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"


@pytest.mark.parametrize("accept", ["identity", "gzip;q=0", "*;q=0", "deflate, br"])
@pytest.mark.parametrize("name", ["public feed", "personal feed"])
def test_the_plain_body_is_sent_when_gzip_is_not_accepted(feeds, name, accept):
    client, url = feeds[name]
    answer = fetch(client, url, **{"Accept-Encoding": accept})
    assert answer.status_code == 200
    assert "Content-Encoding" not in answer.headers
    assert answer.data.startswith(b"BEGIN:VCALENDAR")


def test_gzip_is_sent_to_a_client_that_refuses_the_plain_body(client):
    make_meeting()
    answer = fetch(client, FEED, **{"Accept-Encoding": "identity;q=0, gzip;q=0.1"})
    assert answer.headers["Content-Encoding"] == "gzip"


@pytest.fixture
def compressions(monkeypatch) -> list[int]:
    """The size of every body compressed, one entry per compression."""
    calls: list[int] = []
    real = feed_encoding.compress

    def counting(body: bytes) -> bytes:
        calls.append(len(body))
        return real(body)

    monkeypatch.setattr(feed_encoding, "compress", counting)
    return calls


def test_each_version_is_compressed_once_and_again_after_a_change(client, admin, compressions):
    meeting = make_meeting()
    first = fetch(client, FEED, **ACCEPTS_GZIP)
    again = [fetch(client, FEED, **ACCEPTS_GZIP) for _ in range(3)]
    fetch(client, FEED)
    client.head(FEED, headers=ACCEPTS_GZIP)
    assert compressions == [len(gzip.decompress(first.data))]
    assert all(answer.data == first.data for answer in again)  # the same bytes every time
    operations.add_agenda_item(admin, meeting, "Opening", None, None)
    changed = fetch(client, FEED, **ACCEPTS_GZIP)
    fetch(client, FEED, **ACCEPTS_GZIP)
    assert len(compressions) == 2
    assert changed.headers["ETag"] != first.headers["ETag"]


def test_compressing_the_same_feed_gives_the_same_bytes():
    body = b"BEGIN:VCALENDAR\r\n" * 100
    assert feed_encoding.compress(body) == feed_encoding.compress(body)


def _vary(headers) -> set[str]:
    return {value.strip() for value in headers.get("Vary", "").split(",") if value.strip()}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("public feed", {"Accept-Encoding"}),
        ("personal feed", {"Accept-Encoding", "Cookie"}),
        # Who asks decides whether the join link is in it, so the file varies with the cookie.
        ("meeting file", {"Accept-Encoding", "Cookie"}),
        ("member's meeting file", {"Accept-Encoding", "Cookie"}),
    ],
)
def test_every_answer_200_or_304_says_what_it_varies_with(feeds, name, expected):
    client, url = feeds[name]
    for accept in ({}, ACCEPTS_GZIP):
        full = fetch(client, url, **accept)
        not_modified = fetch(client, url, **accept, **{"If-None-Match": full.headers["ETag"]})
        assert (full.status_code, not_modified.status_code) == (200, 304)
        assert _vary(full.headers) == _vary(not_modified.headers) == expected


@pytest.mark.parametrize("name", FEEDS)
def test_each_representation_has_an_etag_of_its_own(feeds, name):
    client, url = feeds[name]
    plain = fetch(client, url).headers["ETag"]
    packed = fetch(client, url, **ACCEPTS_GZIP).headers["ETag"]
    assert packed == plain.removesuffix('"') + '-gzip"'


@pytest.mark.parametrize("name", FEEDS)
def test_either_etag_gets_304_with_the_etag_the_client_holds(feeds, name):
    client, url = feeds[name]
    plain = fetch(client, url).headers["ETag"]
    packed = fetch(client, url, **ACCEPTS_GZIP).headers["ETag"]

    def poll(held: str, **accept: str) -> tuple[int, str]:
        answer = fetch(client, url, **accept, **{"If-None-Match": held})
        return answer.status_code, answer.headers["ETag"]

    assert poll(packed, **ACCEPTS_GZIP) == (304, packed)
    assert poll(plain, **ACCEPTS_GZIP) == (304, plain)  # what it holds is still acceptable
    assert poll(plain) == (304, plain)
    assert poll(f"{plain}, {packed}", **ACCEPTS_GZIP) == (304, packed)
    # A client that no longer accepts gzip cannot use the gzip copy it names.
    assert poll(packed) == (200, plain)


@pytest.mark.parametrize("name", FEEDS)
def test_if_modified_since_gets_304_in_the_encoding_the_client_prefers(feeds, name):
    client, url = feeds[name]
    packed = fetch(client, url, **ACCEPTS_GZIP)
    since = {"If-Modified-Since": packed.headers["Last-Modified"]}
    answer = fetch(client, url, **ACCEPTS_GZIP, **since)
    assert (answer.status_code, answer.headers["ETag"]) == (304, packed.headers["ETag"])


@pytest.mark.parametrize("accept", [{}, ACCEPTS_GZIP], ids=["identity", "gzip"])
@pytest.mark.parametrize("name", FEEDS)
def test_head_sends_the_headers_of_get_without_the_body(app, feeds, name, accept):
    client, url = feeds[name]
    full = fetch(client, url, **accept)
    for answered_by in ("shortcut or view", "view"):
        if answered_by == "view":
            app.extensions["iscg_feed_versions"].forget_all()
        head = client.head(url, headers=accept)
        assert (head.status_code, head.data) == (200, b"")
        assert _without_cookie(head.headers) == _without_cookie(full.headers)


def _without_cookie(headers) -> list[tuple[str, str]]:
    """The headers but a signed-in member's refreshed session cookie, whose expiry moves on
    with each second."""
    return sorted((name, value) for name, value in headers.items() if name != "Set-Cookie")


def test_a_signed_in_browser_gets_the_public_feed_without_cookie_or_vary_cookie(member_client):
    make_meeting()
    feed = fetch(member_client, FEED)
    page = fetch(member_client, "/meetings/")
    assert "Set-Cookie" not in feed.headers
    assert _vary(feed.headers) == {"Accept-Encoding"}
    assert "Cookie" in _vary(page.headers)  # pages still say they depend on who asks
