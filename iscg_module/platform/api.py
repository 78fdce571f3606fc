"""The plugin API: the only module of the core a plugin imports.

A plugin is a package with an entry point in the group ``iscg_module.plugins`` that names
a ``ThemePlugin`` instance. The instance describes the plugin and carries its hook
implementations, each marked with ``@hookimpl``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pluggy

from iscg_module.access import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, Rule, require
from iscg_module.platform.hookspecs import PROJECT

hookimpl = pluggy.HookimplMarker(PROJECT)

ENTRY_POINT_GROUP = "iscg_module.plugins"


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the main navigation: an endpoint of the plugin and its label."""

    endpoint: str
    label: str


class ThemePlugin:
    """Subclass this, set the description below, and add ``@hookimpl`` methods."""

    name: str = ""
    title: str = ""
    description: str = ""
    version: str = "0"
    theme: str = ""


__all__ = [
    "ADMIN",
    "ENTRY_POINT_GROUP",
    "MEMBER",
    "PUBLIC",
    "SECRETARIAT_READ",
    "NavigationEntry",
    "Rule",
    "ThemePlugin",
    "hookimpl",
    "require",
]
