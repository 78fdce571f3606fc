"""Answering feed requests: 304 when the client's copy is current, else the (cached) feed.

Calendar clients poll often and mostly find nothing new, so the 304 path is kept short:
the headers of a version are composed once and reused, and no calendar is built. The feed
views and the poll shortcut (``poll_shortcut.py``) both answer through ``not_modified_answer``
and ``full_answer``, so they send the same status, headers and bytes.

Each version has two representations, plain and gzip (``feed_encoding.py``), with ETags of
their own (RFC 9110, 8.8.3): the version's, and the version's with ``-gzip``. A client
holding either, if it still accepts that encoding, is answered 304 with the ETag it holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask import Response, request
from werkzeug.http import http_date, is_resource_modified, quote_etag, remove_entity_headers

from iscg_module.calendars.feed_cache import feed_cache, feed_key
from iscg_module.calendars.feed_encoding import IDENTITY, EncodedFeed, acceptable_encodings
from iscg_module.calendars.feed_version import FeedVersion
from iscg_module.web.session_interface import session_independent

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
MAX_AGE_SECONDS = 300
Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FeedAnswer:
    status: int
    headers: Headers
    body: bytes

    @property
    def status_line(self) -> str:
        return "304 Not Modified" if self.status == 304 else "200 OK"


def representation_etag(version: FeedVersion, encoding: str) -> str:
    return version.etag if encoding == IDENTITY else f"{version.etag}-{encoding}"


@lru_cache(maxsize=512)
def validator_headers(
    version: FeedVersion, private: bool, filename: str | None, encoding: str
) -> Headers:
    """The headers a response for ``version`` in ``encoding`` carries, with or without a body."""
    audience = "private" if private else "public"
    headers = [
        ("ETag", quote_etag(representation_etag(version, encoding))),
        ("Cache-Control", f"{audience}, max-age={MAX_AGE_SECONDS}, must-revalidate"),
    ]
    if version.last_modified is not None:
        headers.append(("Last-Modified", http_date(version.last_modified)))
    headers.append(("Vary", "Cookie, Accept-Encoding" if private else "Accept-Encoding"))
    if filename:
        headers.append(("Content-Disposition", f'inline; filename="{filename}"'))
    return tuple(headers)


@lru_cache(maxsize=512)
def not_modified_headers(
    version: FeedVersion, private: bool, filename: str | None, encoding: str
) -> Headers:
    headers = list(validator_headers(version, private, filename, encoding))
    remove_entity_headers(headers)  # as werkzeug does for every 304
    return tuple(headers)


@lru_cache(maxsize=512)
def body_headers(
    version: FeedVersion, private: bool, filename: str | None, encoding: str, length: int
) -> Headers:
    headers = [
        *validator_headers(version, private, filename, encoding),
        ("Content-Type", CALENDAR_CONTENT_TYPE),
        ("Content-Length", str(length)),
    ]
    if encoding != IDENTITY:
        headers.append(("Content-Encoding", encoding))
    return tuple(headers)


def held_encoding(
    environ: dict[str, Any], version: FeedVersion, encodings: tuple[str, ...]
) -> str | None:
    """The acceptable encoding of ``version`` whose copy the client holds, if any."""
    if "HTTP_IF_NONE_MATCH" not in environ and "HTTP_IF_MODIFIED_SINCE" not in environ:
        return None
    for encoding in encodings:
        etag = representation_etag(version, encoding)
        if not is_resource_modified(environ, etag=etag, last_modified=version.last_modified):
            return encoding
    return None


def not_modified_answer(
    environ: dict[str, Any],
    version: FeedVersion,
    encodings: tuple[str, ...],
    *,
    private: bool,
    filename: str | None,
) -> FeedAnswer | None:
    """The 304 for a client that holds ``version`` in an encoding it accepts, else None."""
    held = held_encoding(environ, version, encodings)
    if held is None:
        return None
    return FeedAnswer(304, not_modified_headers(version, private, filename, held), b"")


def full_answer(
    version: FeedVersion,
    feed: EncodedFeed,
    encoding: str,
    *,
    private: bool,
    filename: str | None,
) -> FeedAnswer:
    body = feed.body(encoding)
    return FeedAnswer(200, body_headers(version, private, filename, encoding, len(body)), body)


def calendar_response(
    version: FeedVersion,
    build: Callable[[], bytes],
    *,
    private: bool,
    filename: str | None = None,
    reads_session: bool = True,
) -> Response:
    """A calendar response for ``version``; ``build`` runs only if no cached copy exists.

    A feed whose view never reads the session says ``reads_session=False``, so that its
    answer, like the poll shortcut's, does not vary with the cookie.
    """
    environ = request.environ
    encodings = acceptable_encodings(request.accept_encodings)
    answer = not_modified_answer(environ, version, encodings, private=private, filename=filename)
    if answer is None:
        feed = feed_cache().get_or_build(feed_key(environ, version.etag), build)
        answer = full_answer(version, feed, encodings[0], private=private, filename=filename)
    response = Response(answer.body, status=answer.status, headers=answer.headers)
    return response if reads_session else session_independent(response)
