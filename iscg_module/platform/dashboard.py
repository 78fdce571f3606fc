"""Widgets that enabled plugins add to a signed-in member's home page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iscg_module.platform.gate import plugin_registry


@dataclass(frozen=True)
class DashboardWidget:
    """A titled box on the home page, drawn from the plugin's ``template`` with ``context``."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def dashboard_widgets(user: Any) -> list[DashboardWidget]:
    """The widgets of every enabled plugin for ``user``, in plugin order."""
    return [
        widget
        for _plugin, widgets in plugin_registry().contributions("iscg_dashboard_widgets", user=user)
        for widget in widgets
    ]
