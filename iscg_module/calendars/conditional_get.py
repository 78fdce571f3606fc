"""Answering feed requests: 304 when the client's copy is current, else the (cached) feed.

Calendar clients poll often and mostly find nothing new, so the 304 path is kept short:
the headers of a version are composed once and reused, and no calendar is built.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from flask import Response, request
from werkzeug.http import http_date, is_resource_modified, quote_etag

from iscg_module.calendars.feed_cache import feed_cache
from iscg_module.calendars.feed_version import FeedVersion

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
MAX_AGE_SECONDS = 300


@lru_cache(maxsize=512)
def validator_headers(
    version: FeedVersion, private: bool, filename: str | None
) -> tuple[tuple[str, str], ...]:
    """The headers a response for ``version`` carries, with or without a body."""
    audience = "private" if private else "public"
    headers = [
        ("ETag", quote_etag(version.etag)),
        ("Cache-Control", f"{audience}, max-age={MAX_AGE_SECONDS}, must-revalidate"),
    ]
    if version.last_modified is not None:
        headers.append(("Last-Modified", http_date(version.last_modified)))
    if private:
        headers.append(("Vary", "Cookie"))
    if filename:
        headers.append(("Content-Disposition", f'inline; filename="{filename}"'))
    return tuple(headers)


def calendar_response(
    version: FeedVersion,
    build: Callable[[], bytes],
    *,
    private: bool,
    filename: str | None = None,
) -> Response:
    """A calendar response for ``version``; ``build`` runs only if no cached copy exists."""
    headers = validator_headers(version, private, filename)
    modified = is_resource_modified(
        request.environ, etag=version.etag, last_modified=version.last_modified
    )
    if not modified:
        return Response(status=304, headers=headers)
    # The feed's links are absolute and follow the address it was fetched at, so the cached
    # copy is kept per address as well as per version.
    body = feed_cache().get_or_build(f"{request.url_root}|{version.etag}", build)
    return Response(body, headers=headers, content_type=CALENDAR_CONTENT_TYPE)
