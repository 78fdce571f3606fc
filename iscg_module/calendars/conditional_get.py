"""Answering feed requests: 304 when the client's copy is current, else the (cached) feed."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, request
from werkzeug.http import is_resource_modified

from iscg_module.calendars.feed_cache import feed_cache
from iscg_module.calendars.feed_version import FeedVersion

CALENDAR_MIMETYPE = "text/calendar"
MAX_AGE_SECONDS = 300


def calendar_response(
    version: FeedVersion,
    build: Callable[[], bytes],
    *,
    private: bool,
    filename: str | None = None,
) -> Response:
    """A calendar response for ``version``; ``build`` runs only if no cached copy exists."""
    response = Response(mimetype=CALENDAR_MIMETYPE)
    response.charset = "utf-8"
    response.set_etag(version.etag)
    if version.last_modified is not None:
        response.last_modified = version.last_modified
    response.cache_control.max_age = MAX_AGE_SECONDS
    response.cache_control.must_revalidate = True
    if private:
        response.cache_control.private = True
        response.vary.add("Cookie")
    else:
        response.cache_control.public = True
    if filename:
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    modified = is_resource_modified(
        request.environ, etag=version.etag, last_modified=version.last_modified
    )
    if not modified:
        response.status_code = 304
        return response
    # The feed's links are absolute and follow the address it was fetched at, so the cached
    # copy is kept per address as well as per version.
    cache_key = f"{request.url_root}|{version.etag}"
    response.set_data(feed_cache().get_or_build(cache_key, build))
    return response
