"""The core's events and the bus that delivers them to subscribers of the running app.

Operations emit events inside their transaction; subscribers (mail notices, webhooks,
plugins) receive the event name and a payload of plain values once that transaction has
committed, each on its own: a subscriber that raises is logged, the others still hear the
event, and the change it tells of stands.
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from flask import Flask, current_app

from iscg_module.database.unit_of_work import after_commit

logger = logging.getLogger(__name__)
Subscriber = Callable[["CoreEvent", dict[str, Any]], None]


class CoreEvent(StrEnum):
    MEETING_SCHEDULED = "meeting.scheduled"
    MEETING_CHANGED = "meeting.changed"
    MEETING_CANCELLED = "meeting.cancelled"
    REGISTRATION_CHANGED = "meeting.registration_changed"
    # Emitted by theme updates, which a focal point submits and the secretariat publishes.
    THEME_UPDATE_SUBMITTED = "theme_update.submitted"
    THEME_UPDATE_PUBLISHED = "theme_update.published"
    USER_SIGNED_IN = "user.signed_in"
    PLUGIN_ENABLED = "plugin.enabled"
    PLUGIN_DISABLED = "plugin.disabled"


class EventBus:
    """Subscribers per event, held by one application."""

    def __init__(self) -> None:
        self._subscribers: defaultdict[CoreEvent, list[Subscriber]] = defaultdict(list)

    def subscribe(self, event: CoreEvent, subscriber: Subscriber) -> None:
        self._subscribers[event].append(subscriber)

    def emit(self, event: CoreEvent, payload: dict[str, Any]) -> None:
        """Deliver ``event`` to each subscriber; one that raises does not stop the others."""
        for subscriber in self._subscribers[event]:
            try:
                subscriber(event, payload)
            except Exception:
                logger.exception("a subscriber of %s failed", event.value)

    def init_app(self, app: Flask) -> None:
        app.extensions["iscg_events"] = self


def _bus() -> EventBus:
    return current_app.extensions["iscg_events"]


def emit(event: CoreEvent, **payload: Any) -> None:
    """Deliver ``event`` to the current application's subscribers after the commit."""
    bus = _bus()
    after_commit(lambda: bus.emit(event, payload))


def subscribe(event: CoreEvent, subscriber: Subscriber) -> None:
    """Subscribe to ``event`` in the current application."""
    _bus().subscribe(event, subscriber)
