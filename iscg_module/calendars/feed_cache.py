"""Built feeds kept in memory by version, so each version is serialised once per worker."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, current_app


class FeedCache:
    """A small least-recently-used map from feed ETag to the feed's bytes."""

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, etag: str, build: Callable[[], bytes]) -> bytes:
        with self._lock:
            if etag in self._entries:
                self._entries.move_to_end(etag)
                return self._entries[etag]
        body = build()
        with self._lock:
            self._entries[etag] = body
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return body

    def init_app(self, app: Flask) -> None:
        app.extensions["iscg_feed_cache"] = self


def feed_cache() -> FeedCache:
    return current_app.extensions["iscg_feed_cache"]
