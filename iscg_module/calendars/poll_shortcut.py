"""The commonest requests of all, answered before the application is entered.

Calendar clients poll the public feed and their personal feeds all day, and nearly always
find them unchanged. Flask's work per request (contexts, session, hooks, the response
object) would then cost more than sending the feed does. So when the worker holds a fresh
version of the feed (``version_cache``) and, for a 200, its bytes (``feed_cache``), this
WSGI middleware answers at once, through the functions the feed views answer with
(``conditional_get``), so with the same status, headers and bytes. The security headers are
added around it (``web/security_headers.py``), as to every answer.

Both feeds are declared ``PUBLIC``: the personal feed's key is its token, checked here by
the view's own single indexed query. Everything else goes to the application unchanged: a
version to read, a feed to build, a link whose use is due to be noted, a token unknown or
revoked (the view answers 404), and any other address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from iscg_module.calendars.conditional_get import FeedAnswer, full_answer, not_modified_answer
from iscg_module.calendars.feed_cache import FeedCache, feed_key
from iscg_module.calendars.feed_encoding import encodings_for_header
from iscg_module.calendars.feed_version import FeedVersion
from iscg_module.calendars.feeds import (
    PERSONAL_FEED_FILE,
    PERSONAL_FEED_KEY,
    PERSONAL_FEED_PREFIX,
    PERSONAL_FEED_SUFFIX,
    PUBLIC_FEED_FILE,
    PUBLIC_FEED_KEY,
    PUBLIC_FEED_PATH,
)
from iscg_module.calendars.subscription_operations import use_is_due
from iscg_module.calendars.subscription_queries import TOKEN_MAX_LENGTH, ActiveLink, active_link
from iscg_module.calendars.version_cache import FeedVersionCache
from iscg_module.database.utc_datetime import utc_now

StartResponse = Callable[..., Any]
# The tokens the product makes (URL-safe base64); any other spelling goes to the view.
_TOKEN = re.compile(rf"[A-Za-z0-9_-]{{1,{TOKEN_MAX_LENGTH}}}")


class FeedPollShortcut:
    def __init__(
        self,
        app: Callable[..., Iterable[bytes]],
        versions: FeedVersionCache,
        feeds: FeedCache,
        engine: Engine,
    ) -> None:
        self._app = app
        self._versions = versions
        self._feeds = feeds
        self._engine = engine

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Any:
        method = environ.get("REQUEST_METHOD")
        answer = self._answer(environ) if method in ("GET", "HEAD") else None
        if answer is None:
            return self._app(environ, start_response)
        start_response(answer.status_line, list(answer.headers))
        return [] if method == "HEAD" else [answer.body]

    def _answer(self, environ: dict[str, Any]) -> FeedAnswer | None:
        path: str = environ.get("PATH_INFO", "")
        if path == PUBLIC_FEED_PATH:
            return self._public(environ)
        if path.startswith(PERSONAL_FEED_PREFIX) and path.endswith(PERSONAL_FEED_SUFFIX):
            token = path.removeprefix(PERSONAL_FEED_PREFIX).removesuffix(PERSONAL_FEED_SUFFIX)
            return self._personal(environ, token)
        return None

    def _public(self, environ: dict[str, Any]) -> FeedAnswer | None:
        version = self._versions.fresh(PUBLIC_FEED_KEY)
        if version is None:
            return None
        return self._feed(environ, version, private=False, filename=PUBLIC_FEED_FILE)

    def _personal(self, environ: dict[str, Any], token: str) -> FeedAnswer | None:
        version = self._versions.fresh(PERSONAL_FEED_KEY)
        if version is None or not _TOKEN.fullmatch(token):
            return None
        link = self._link(token)
        if link is None or use_is_due(link.last_used_at, utc_now()):
            return None
        return self._feed(environ, version, private=True, filename=PERSONAL_FEED_FILE)

    def _link(self, token: str) -> ActiveLink | None:
        """The token's active link; None also when the database fails, for the view to say."""
        try:
            with self._engine.connect() as connection:
                return active_link(token, connection)
        except SQLAlchemyError:
            return None

    def _feed(
        self, environ: dict[str, Any], version: FeedVersion, *, private: bool, filename: str
    ) -> FeedAnswer | None:
        """The 304 or the cached 200 the view would send; None when the bytes are not cached."""
        encodings = encodings_for_header(environ.get("HTTP_ACCEPT_ENCODING"))
        answer = not_modified_answer(
            environ, version, encodings, private=private, filename=filename
        )
        if answer is not None:
            return answer
        feed = self._feeds.get(feed_key(environ, version.etag))
        if feed is None:
            return None
        return full_answer(version, feed, encodings[0], private=private, filename=filename)
