"""The plugins this worker knows, and which of them are enabled right now.

Enabled state lives in the database. Each worker reads the one-row platform version at
most once a second, and rereads the switches only when that version moved; so a change
made on any worker or server takes effect everywhere within a second, and requests
between polls cost no query.
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
from iscg_module.platform.api import ENTRY_POINT_GROUP, ThemePlugin
from iscg_module.platform.hookspecs import PROJECT, PluginHooks
from iscg_module.platform.models import PlatformVersion, PluginState

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

    def hook(self, name: str) -> Any:
        """The hook ``name`` as the enabled plugins implement it: the disabled ones vanish."""
        enabled = self.enabled()
        disabled = [plugin for name_, plugin in self.plugins.items() if name_ not in enabled]
        return self.manager.subset_hook_caller(name, remove_plugins=disabled)

    def _refresh(self) -> None:
        version = db.session.scalar(select(PlatformVersion.version).where(PlatformVersion.id == 1))
        if version == self._version:
            return
        names = db.session.scalars(select(PluginState.name).where(PluginState.enabled))
        self._enabled = frozenset(name for name in names if name in self.plugins)
        self._version = version


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(PluginHooks)
    return manager
