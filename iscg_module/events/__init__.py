"""Core events that other parts of the product (and plugins) subscribe to."""

from iscg_module.events.core_events import CoreEvent, EventBus, emit, subscribe

__all__ = ["CoreEvent", "EventBus", "emit", "subscribe"]
