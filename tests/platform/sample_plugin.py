"""A plugin written against the plugin API only, for the platform's own tests."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from iscg_module.platform.api import MEMBER, NavigationEntry, ThemePlugin, hookimpl, require


class RecordingPlugin(ThemePlugin):
    """Serves one page, adds one navigation entry, and remembers the events it receives."""

    name = "sample"
    title = "Sample theme"
    description = "A theme plugin used by the tests."
    version = "1.0"
    theme = "sample-theme"

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.blueprint = Blueprint("sample", __name__)

        @self.blueprint.get("/")
        @require(MEMBER)
        def index() -> str:
            return "sample theme page"

        @self.blueprint.get("/undeclared")
        def undeclared() -> str:
            return "a page without an access rule"

    @hookimpl
    def iscg_blueprint(self) -> Blueprint:
        return self.blueprint

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("sample.index", "Sample theme")]

    @hookimpl
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        self.events.append((event, payload))


class MisnamedHookPlugin(ThemePlugin):
    name = "misnamed"

    @hookimpl
    def iscg_navigaton(self) -> list[NavigationEntry]:
        return []
