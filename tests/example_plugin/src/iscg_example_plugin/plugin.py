"""An example theme plugin, built on the plugin API alone."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from iscg_module.platform.api import MEMBER, NavigationEntry, ThemePlugin, hookimpl, require

blueprint = Blueprint("example", __name__, template_folder="templates")


@blueprint.get("/")
@require(MEMBER)
def index() -> str:
    return render_template("iscg_example_plugin/index.html", seen=ExamplePlugin.seen_events)


class ExamplePlugin(ThemePlugin):
    name = "example"
    title = "Example theme"
    description = "Shows how a theme plugin adds a page, a link and an event handler."
    version = "1.0.0"
    theme = "example"

    seen_events: list[str] = []

    @hookimpl
    def iscg_blueprint(self) -> Blueprint:
        return blueprint

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("example.index", "Example theme")]

    @hookimpl
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        ExamplePlugin.seen_events.append(event)
