"""Plugins' panels drawn into HTML for the core page that shows them."""

from __future__ import annotations

from functools import partial

from flask import render_template
from markupsafe import Markup

from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.panels import PanelOf


def draw(panels: list[PanelOf]) -> list[tuple[str, Markup]]:
    """Each panel's title and HTML; its template is autoescaped, so the HTML is safe to embed.

    A panel whose template fails to draw is left out, and recorded as its plugin's failure.
    """
    registry = plugin_registry()
    drawn = []
    for given in panels:
        panel = given.panel
        html = registry.isolated(
            given.plugin, given.hook, partial(render_template, panel.template, **panel.context)
        )
        if html is not None:
            drawn.append((panel.title, Markup(html)))
    return drawn
