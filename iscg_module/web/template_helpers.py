"""Filters and globals every template may use."""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Flask, current_app, url_for
from flask_login import current_user

from iscg_module.auth.forms import SignOutForm
from iscg_module.platform.gate import plugin_registry
from iscg_module.text.markdown import render_markdown
from iscg_module.web.time_display import format_day, format_moment, format_utc, meeting_when

NAVIGATION = (
    ("home.index", "Home"),
    ("meetings.index", "Meetings"),
    ("calendars.subscribe", "Calendar"),
)


def init_template_helpers(app: Flask) -> None:
    app.add_template_filter(render_markdown, "markdown")
    app.add_template_filter(format_moment, "moment")
    app.add_template_filter(format_day, "day")
    app.add_template_filter(format_utc, "utc_moment")
    app.add_template_filter(meeting_when, "meeting_when")
    app.add_template_filter(_setting_value, "setting_value")
    app.context_processor(_page_context)


ROLE_NAMES = {
    "admin": "Secretariat (admin)",
    "chair": "Chair",
    "focal_point": "Focal point",
    "counsellor": "Counsellor",
}


def _setting_value(value: Any) -> str:
    """A plugin setting's value as words: yes or no, or "(empty)" for empty text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "(empty)" if value == "" else str(value)


def _page_context() -> dict[str, Any]:
    signed_in = current_user.is_authenticated
    return {
        "navigation": NAVIGATION,
        "plugin_navigation": _plugin_navigation(),
        "role_names": ROLE_NAMES,
        "sign_out_form": SignOutForm(formdata=None) if signed_in else None,
        "development_sign_in": current_app.config["ISCG_DEV_SIGN_IN"],
    }


def _plugin_navigation() -> list[tuple[str, str, str]]:
    """(address, endpoint, label) of the enabled plugins' entries: a disabled plugin's links
    vanish with it, and an entry whose address cannot be built is left out as its failure."""
    registry = plugin_registry()
    links = []
    for plugin, entries in registry.contributions("iscg_navigation"):
        for entry in entries:
            address = registry.isolated(plugin, "iscg_navigation", partial(url_for, entry.endpoint))
            if address is not None:
                links.append((address, entry.endpoint, entry.label))
    return links
