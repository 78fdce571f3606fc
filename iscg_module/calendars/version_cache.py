"""Feed versions kept for a second in each worker, so most polls need no database at all.

A calendar client's poll is answered from this cache when it holds a version younger than
``FRESH_FOR``; a change made by this worker forgets every cached version at its commit,
and a change made by another worker or server is seen within ``FRESH_FOR``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from itertools import chain
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from iscg_module.calendars.feed_version import FeedVersion
from iscg_module.meetings.models import AgendaItem, Meeting

FRESH_FOR = 1.0
_EXTENSION_KEY = "iscg_feed_versions"
_CHANGED = "iscg_meetings_changed"


class FeedVersionCache:
    def __init__(self, fresh_for: float = FRESH_FOR) -> None:
        self.fresh_for = fresh_for
        self._entries: dict[str, tuple[float, FeedVersion]] = {}
        self._lock = threading.Lock()

    def fresh(self, key: str) -> FeedVersion | None:
        """The cached version of ``key`` if it is still fresh, without reading anything."""
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and time.monotonic() - entry[0] < self.fresh_for:
            return entry[1]
        return None

    def get(self, key: str, read: Callable[[], FeedVersion]) -> FeedVersion:
        cached = self.fresh(key)
        if cached is not None:
            return cached
        now = time.monotonic()
        version = read()
        with self._lock:
            self._entries[key] = (now, version)
        return version

    def forget_all(self) -> None:
        with self._lock:
            self._entries.clear()

    def init_app(self, app: Flask) -> None:
        app.extensions[_EXTENSION_KEY] = self


def cached_version(key: str, read: Callable[[], FeedVersion]) -> FeedVersion:
    return current_app.extensions[_EXTENSION_KEY].get(key, read)


@event.listens_for(Session, "after_flush")
def _note_meeting_changes(session: Session, _context: Any) -> None:
    changed = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(row, Meeting | AgendaItem) for row in changed):
        session.info[_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _forget_versions_after_meeting_changes(session: Session) -> None:
    if session.info.pop(_CHANGED, False) and has_app_context():
        cache = current_app.extensions.get(_EXTENSION_KEY)
        if cache is not None:
            cache.forget_all()


@event.listens_for(Session, "after_rollback")
def _drop_note(session: Session) -> None:
    session.info.pop(_CHANGED, None)
