"""Boxes that enabled plugins add to core pages: the home page and the meeting page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iscg_module.platform.gate import plugin_registry


@dataclass(frozen=True)
class Panel:
    """A titled box on a core page, drawn from the plugin's ``template`` with ``context``."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PanelOf:
    """A panel with the plugin that gave it and the hook that asked for it, for drawing."""

    plugin: str
    hook: str
    panel: Panel


def dashboard_widgets(user: Any) -> list[PanelOf]:
    """The home-page widgets of every enabled plugin for the signed-in ``user``."""
    return _panels("iscg_dashboard_widgets", user=user)


def meeting_panels(meeting: Any, user: Any) -> list[PanelOf]:
    """The boxes enabled plugins add to ``meeting``'s page for ``user`` (maybe anonymous)."""
    return _panels("iscg_meeting_panels", meeting=meeting, user=user)


def _panels(hook: str, **arguments: Any) -> list[PanelOf]:
    answers = plugin_registry().contributions(hook, **arguments)
    return [PanelOf(plugin, hook, panel) for plugin, panels in answers for panel in panels]
