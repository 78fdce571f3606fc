"""What a plugin may provide, declared once: pluggy refuses a hook that is not named here."""

from __future__ import annotations

from typing import Any

import pluggy

PROJECT = "iscg_module"
hookspec = pluggy.HookspecMarker(PROJECT)


class PluginHooks:
    """The hook specifications. A plugin implements any of them with ``@hookimpl``."""

    @hookspec
    def iscg_blueprint(self) -> Any:
        """A Flask blueprint of the plugin's pages, mounted under ``/themes/<name>/``."""

    @hookspec
    def iscg_navigation(self) -> list[Any]:
        """Navigation entries (``NavigationEntry``) to show while the plugin is enabled."""

    @hookspec
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        """React to a core event (meeting scheduled, changed, cancelled, …)."""
