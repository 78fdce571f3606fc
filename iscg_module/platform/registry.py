"""The plugins this worker knows, and which of them are enabled right now.

Enabled state and settings live in the database. Each worker reads the one-row platform
version at most once a second, and rereads switches and settings only when that version
moved; so a change made on any worker or server takes effect everywhere within a second,
and requests between polls cost no query.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

import pluggy
from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.platform.hookspecs import PROJECT, PluginHooks
from iscg_module.platform.models import PlatformVersion, PluginSetting, PluginState
from iscg_module.platform.settings import typed_values
from iscg_module.platform.theme_plugin import ENTRY_POINT_GROUP, ThemePlugin

POLL_EVERY = 1.0
logger = logging.getLogger(__name__)


@dataclass
class PluginRegistry:
    manager: pluggy.PluginManager = field(default_factory=lambda: _manager())
    plugins: dict[str, ThemePlugin] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    blueprints: dict[str, str] = field(default_factory=dict)
    poll_every: float = POLL_EVERY
    _enabled: frozenset[str] = frozenset()
    _settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    _version: int | None = None
    _checked: float = float("-inf")
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, plugin: ThemePlugin) -> None:
        """Register ``plugin``; a hook it implements that no specification names fails here."""
        if not plugin.name or plugin.name in self.plugins:
            raise ValueError(f"plugin name {plugin.name!r} is empty or taken")
        self.manager.register(plugin, name=plugin.name)
        try:
            self.manager.check_pending()
        except pluggy.PluginValidationError:
            self.manager.unregister(plugin)
            raise
        self.plugins[plugin.name] = plugin

    def discover(self) -> None:
        """Load the plugins installed under the entry-point group; failures are kept, not raised."""
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            try:
                self.add(entry_point.load())
            except Exception as error:  # a broken plugin must not stop the product
                self.failures[entry_point.name] = f"{type(error).__name__}: {error}"
                logger.exception("plugin %s failed to load", entry_point.name)

    def enabled(self) -> frozenset[str]:
        """The names of the enabled plugins, as of at most ``poll_every`` seconds ago."""
        now = time.monotonic()
        if now - self._checked < self.poll_every:
            return self._enabled
        with self._lock:
            if now - self._checked >= self.poll_every:
                self._refresh()
                self._checked = now
        return self._enabled

    def forget(self) -> None:
        """Read the state again at the next question (after this worker changed it)."""
        self._checked = float("-inf")

    def contributions(self, hook: str, *, every: bool = False, **arguments: Any) -> list[Any]:
        """``(plugin name, answer)`` of each enabled plugin (each installed one if ``every``).

        Plugins that answer None contribute nothing; answers keep registration order.
        """
        wanted = set(self.plugins) if every else self.enabled()
        answers = []
        for implementation in getattr(self.manager.hook, hook).get_hookimpls():
            if implementation.plugin_name not in wanted:
                continue
            answer = implementation.function(
                **{name: arguments[name] for name in implementation.argnames}
            )
            if answer is not None:
                answers.append((implementation.plugin_name, answer))
        return answers

    def implementers(self, hook: str) -> list[str]:
        """The installed plugins that implement ``hook``, in registration order."""
        return [
            implementation.plugin_name
            for implementation in getattr(self.manager.hook, hook).get_hookimpls()
        ]

    def declared(self, hook: str, plugin: str) -> list[Any]:
        """What installed ``plugin`` declares through ``hook`` (settings, permissions)."""
        return [
            item
            for name, items in self.contributions(hook, every=True)
            if name == plugin
            for item in items
        ]

    def settings(self, plugin: str) -> dict[str, Any]:
        """The typed values of ``plugin``'s settings, as of at most a second ago."""
        self.enabled()
        return typed_values(self.declared("iscg_settings", plugin), self._settings.get(plugin, {}))

    def _refresh(self) -> None:
        version = db.session.scalar(select(PlatformVersion.version).where(PlatformVersion.id == 1))
        if version == self._version:
            return
        names = db.session.scalars(select(PluginState.name).where(PluginState.enabled))
        self._enabled = frozenset(name for name in names if name in self.plugins)
        stored: dict[str, dict[str, Any]] = {}
        for row in db.session.scalars(select(PluginSetting)):
            stored.setdefault(row.plugin, {})[row.name] = row.value
        self._settings = stored
        self._version = version


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(PluginHooks)
    return manager
