"""The commonest request of all, answered before the application is entered.

Calendar clients poll the public feed all day, and nearly always hold its current version.
When the worker has a fresh version (see ``version_cache``) and the poll's If-None-Match
names it, this WSGI middleware answers 304 at once with the same headers the feed view
would send; every other request goes to the application unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.http import parse_etags, remove_entity_headers

from iscg_module.calendars.conditional_get import validator_headers
from iscg_module.calendars.feeds import PUBLIC_FEED_FILE, PUBLIC_FEED_KEY
from iscg_module.calendars.version_cache import FeedVersionCache

StartResponse = Callable[..., Any]


class PublicFeedPollShortcut:
    def __init__(
        self, app: Callable[..., Iterable[bytes]], path: str, versions: FeedVersionCache
    ) -> None:
        self._app = app
        self._path = path
        self._versions = versions

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Any:
        if (
            environ.get("PATH_INFO") == self._path
            and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
            and "HTTP_IF_NONE_MATCH" in environ
        ):
            version = self._versions.fresh(PUBLIC_FEED_KEY)
            if version is not None and parse_etags(environ["HTTP_IF_NONE_MATCH"]).contains(
                version.etag
            ):
                headers = list(validator_headers(version, False, PUBLIC_FEED_FILE))
                remove_entity_headers(headers)  # as werkzeug does for every 304
                start_response("304 Not Modified", headers)
                return [b""]
        return self._app(environ, start_response)
