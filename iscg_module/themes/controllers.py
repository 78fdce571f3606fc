"""The view of the themes the group coordinates."""

from __future__ import annotations

from flask import render_template

from iscg_module.access import MEMBER, require
from iscg_module.platform.theme_pages import theme_plugin_links
from iscg_module.theme_updates.queries import published_counts
from iscg_module.themes.queries import all_themes_in_order, focal_points_by_theme


@require(MEMBER)
def index() -> str:
    return render_template(
        "themes/index.html",
        themes=all_themes_in_order(),
        focal_points=focal_points_by_theme(),
        published=published_counts(),
        plugin_links=theme_plugin_links(),
    )
