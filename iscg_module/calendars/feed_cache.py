"""Built feeds kept in memory by version, so each version is built and compressed once per worker.

A feed's links are absolute and follow the address it was fetched at, so a copy is kept per
address as well as per version. The address is read from the WSGI environment as the
client sent it (scheme, host, mount point), which the view and the poll shortcut both have;
two spellings of one host only make two copies.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, current_app

from iscg_module.calendars.feed_encoding import EncodedFeed, encode_feed


def feed_key(environ: Mapping[str, Any], etag: str) -> str:
    """The cache key of the version ``etag`` of a feed fetched as ``environ`` says."""
    host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME')}:{environ.get('SERVER_PORT')}"
    return f"{environ.get('wsgi.url_scheme')}://{host}{environ.get('SCRIPT_NAME', '')}|{etag}"


class FeedCache:
    """A small least-recently-used map from a feed's key to its encoded bytes."""

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, EncodedFeed] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> EncodedFeed | None:
        """The cached copy of ``key``, or None; never builds."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def get_or_build(self, key: str, build: Callable[[], bytes]) -> EncodedFeed:
        """The cached copy of ``key``, else ``build``'s bytes, compressed here and kept."""
        cached = self.get(key)
        if cached is not None:
            return cached
        encoded = encode_feed(build())
        with self._lock:
            self._entries[key] = encoded
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return encoded

    def init_app(self, app: Flask) -> None:
        app.extensions["iscg_feed_cache"] = self


def feed_cache() -> FeedCache:
    return current_app.extensions["iscg_feed_cache"]
