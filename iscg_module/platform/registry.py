"""The plugins this worker knows, and which of them are enabled right now.

Enabled state and settings live in the database. Each worker reads the one-row platform
version at most once a second, and rereads switches and settings only when that version
moved; so a change made on any worker or server takes effect everywhere within a second,
and requests between polls cost no query.

The registry is also the one place that calls the plugins' hooks, and one plugin's failure
stays that plugin's: a contribution hook that raises (navigation, widgets, panels, form
fields, report sections, event handlers) is logged, kept for ``/admin/plugins`` and left
out, and the core and the other plugins carry on. Declarations (``DECLARATIONS``) still
raise: they are read at start-up, by a command or by a test, where failing loudly helps.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import entry_points
from typing import Any, TypeVar

import pluggy
from sqlalchemy import select

from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.platform.hookspecs import PROJECT, PluginHooks
from iscg_module.platform.models import PlatformVersion, PluginSetting, PluginState
from iscg_module.platform.settings import typed_values
from iscg_module.platform.theme_plugin import ENTRY_POINT_GROUP, ThemePlugin
from iscg_module.text.plain_text import one_line

POLL_EVERY = 1.0
MESSAGE_LENGTH = 300
# Hooks whose failure is not isolated; every other hook's is (a new hook too, by default).
DECLARATIONS = frozenset(
    {
        "iscg_blueprint",
        "iscg_migration_directory",
        "iscg_settings",
        "iscg_permissions",
        "iscg_demo_data",
        "iscg_sample_url_values",
    }
)
logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class HookFailure:
    """The latest time a plugin's hook raised in this worker, and how often it has."""

    plugin: str
    hook: str
    at: datetime
    error_type: str
    message: str
    times: int


class HookFailures:
    """The latest failure of each (plugin, hook) in this worker, shared by its threads.

    Bounded by the installed plugins' hooks, whatever the number of failures; it starts
    empty with each worker, as the log holds the history.
    """

    def __init__(self) -> None:
        self._latest: dict[tuple[str, str], HookFailure] = {}
        self._lock = threading.Lock()

    def record(self, plugin: str, hook: str, error: Exception) -> None:
        message = _message(error)
        with self._lock:
            earlier = self._latest.get((plugin, hook))
            times = earlier.times + 1 if earlier else 1
            failure = HookFailure(plugin, hook, utc_now(), type(error).__name__, message, times)
            self._latest[(plugin, hook)] = failure

    def of(self, plugin: str) -> list[HookFailure]:
        """``plugin``'s failures, one per hook, by hook name."""
        with self._lock:
            failures = [failure for key, failure in self._latest.items() if key[0] == plugin]
        return sorted(failures, key=lambda failure: failure.hook)

    def by_plugin(self) -> dict[str, list[HookFailure]]:
        """Every plugin that failed, with its failures."""
        with self._lock:
            names = {plugin for plugin, _hook in self._latest}
        return {name: self.of(name) for name in sorted(names)}


@dataclass
class PluginRegistry:
    manager: pluggy.PluginManager = field(default_factory=lambda: _manager())
    plugins: dict[str, ThemePlugin] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    hook_failures: HookFailures = field(default_factory=HookFailures)
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

    def contributions(
        self,
        hook: str,
        *,
        every: bool = False,
        wrap: Callable[[Callable[[], Any]], Callable[[], Any]] | None = None,
        **arguments: Any,
    ) -> list[Any]:
        """``(plugin name, answer)`` of each enabled plugin (each installed one if ``every``).

        Plugins that answer None contribute nothing; answers keep registration order. A
        plugin whose implementation raises contributes nothing either, unless ``hook`` is
        one of the ``DECLARATIONS``, which raise. ``wrap`` wraps each plugin's call on its
        own (event handlers: each in a transaction of its own).
        """
        wanted = set(self.plugins) if every else self.enabled()
        answers = []
        for implementation in getattr(self.manager.hook, hook).get_hookimpls():
            plugin = implementation.plugin_name
            if plugin not in wanted:
                continue
            call = functools.partial(
                implementation.function,
                **{name: arguments[name] for name in implementation.argnames},
            )
            if wrap is not None:
                call = wrap(call)
            answer = call() if hook in DECLARATIONS else self.isolated(plugin, hook, call)
            if answer is not None:
                answers.append((plugin, answer))
        return answers

    def isolated(self, plugin: str, hook: str, call: Callable[[], T]) -> T | None:
        """What ``call`` (plugin code) returns, or None, logged and recorded, if it raises.

        ``hook`` names what was asked of the plugin, for the log and ``/admin/plugins``.
        """
        try:
            return call()
        except Exception as error:  # one plugin's failure stays that plugin's
            logger.exception("plugin %s failed in %s; carrying on without its answer", plugin, hook)
            self.hook_failures.record(plugin, hook, error)
            return None

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


def _message(error: Exception) -> str:
    """The error's message on one line, cut to ``MESSAGE_LENGTH`` characters."""
    try:
        text = one_line(str(error))
    except Exception:  # a message that cannot be written must not hide the failure itself
        return ""
    return text if len(text) <= MESSAGE_LENGTH else f"{text[: MESSAGE_LENGTH - 1]}…"


def _manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(PluginHooks)
    return manager
