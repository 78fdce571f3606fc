"""Plugins' panels drawn into HTML for the core page that shows them."""

from __future__ import annotations

from flask import render_template
from markupsafe import Markup

from iscg_module.platform.panels import Panel


def draw(panels: list[Panel]) -> list[tuple[str, Markup]]:
    """Each panel's title and HTML; its template is autoescaped, so the HTML is safe to embed."""
    return [
        (panel.title, Markup(render_template(panel.template, **panel.context))) for panel in panels
    ]
