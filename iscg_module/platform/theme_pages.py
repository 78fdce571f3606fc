"""Links from each theme to the pages its enabled plugins serve."""

from __future__ import annotations

from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.theme_plugin import NavigationEntry


def theme_plugin_links() -> dict[str, list[NavigationEntry]]:
    """Theme slug to the navigation entries of the enabled plugins that serve that theme."""
    registry = plugin_registry()
    links: dict[str, list[NavigationEntry]] = {}
    for plugin, entries in registry.contributions("iscg_navigation"):
        theme = registry.plugins[plugin].theme
        if theme:
            links.setdefault(theme, []).extend(entries)
    return links
