"""Mounting plugins on the application, and the gate that makes disabled ones vanish."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, current_app, request

from iscg_module.database.unit_of_work import transactional
from iscg_module.events import CoreEvent, EventBus
from iscg_module.platform.plugin_migrations import find_plugin_migrations
from iscg_module.platform.registry import PluginRegistry

EXTENSION_KEY = "iscg_plugins"


def init_platform(app: Flask) -> PluginRegistry:
    """Find the plugins, mount their blueprints, wire their event handlers, start the gate."""
    find_plugin_migrations()
    registry = PluginRegistry()
    registry.discover()
    for plugin in app.config.get("ISCG_EXTRA_PLUGINS", ()):
        registry.add(plugin)
    app.extensions[EXTENSION_KEY] = registry
    _mount_blueprints(app, registry)
    _forward_events(app.extensions["iscg_events"], registry)
    app.before_request_funcs.setdefault(None, []).insert(0, _gate)
    return registry


def plugin_registry() -> PluginRegistry:
    return current_app.extensions[EXTENSION_KEY]


def _mount_blueprints(app: Flask, registry: PluginRegistry) -> None:
    for plugin, blueprint in registry.contributions("iscg_blueprint", every=True):
        app.register_blueprint(blueprint, url_prefix=f"/themes/{plugin}")
        registry.blueprints[blueprint.name] = plugin


def _forward_events(bus: EventBus, registry: PluginRegistry) -> None:
    """Hand each core event to every enabled plugin's handler, once the change is committed.

    Each handler runs in a transaction of its own: what it writes is committed when it
    returns, and one that raises is rolled back, logged and recorded, while the other
    plugins still receive the event and the core's change stands.
    """

    def forward(event: CoreEvent, payload: dict[str, Any]) -> None:
        registry.contributions(
            "iscg_handle_event", wrap=transactional, event=event.value, payload=payload
        )

    for event in CoreEvent:
        bus.subscribe(event, forward)


def _gate() -> None:
    """A disabled plugin's pages answer 404, before anything else looks at the request."""
    blueprint = request.blueprint
    if not blueprint:
        return
    registry = plugin_registry()
    plugin = registry.blueprints.get(blueprint.split(".")[0])
    if plugin is not None and plugin not in registry.enabled():
        abort(404)
