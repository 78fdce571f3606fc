"""What every plugin is: a described object carrying hook implementations."""

from __future__ import annotations

from dataclasses import dataclass

ENTRY_POINT_GROUP = "iscg_module.plugins"


class ThemePlugin:
    """Subclass this, describe the plugin below, and add ``@hookimpl`` methods."""

    name: str = ""
    title: str = ""
    description: str = ""
    version: str = "0"
    theme: str = ""


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the main navigation: an endpoint of the plugin and its label."""

    endpoint: str
    label: str
