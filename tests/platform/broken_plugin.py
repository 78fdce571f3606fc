"""Plugins whose code raises on purpose, to show that the rest of the product carries on.

Both are written against the plugin API only. Each answers like a working plugin while its
``failing`` flag is off, so that a test can show what it adds, then take it away.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from wtforms import StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional

from iscg_module.platform.api import (
    MEMBER,
    CoreForm,
    FormExtension,
    NavigationEntry,
    Panel,
    ReportPeriod,
    ReportSection,
    ThemePlugin,
    hookimpl,
    require,
)

BROKEN_MESSAGE = "broken <b>on purpose</b>"
ESCAPED_MESSAGE = "broken &lt;b&gt;on purpose&lt;/b&gt;"


class PluginBug(RuntimeError):
    """What the broken plugins raise: a name no other error of the product has."""


class BrokenPlugin(ThemePlugin):
    """Every display hook, its form extension and its event handler raise while ``failing``."""

    name = "broken"
    title = "Broken theme"
    description = "A theme plugin whose code raises, used by the tests."
    theme = "sample-theme"

    def __init__(self, failing: bool = True) -> None:
        self.failing = failing
        self.events: list[str] = []
        self.blueprint = Blueprint("broken", __name__, template_folder="templates")

        @self.blueprint.get("/")
        @require(MEMBER)
        def index() -> str:
            return "broken theme page"

    def _work(self) -> None:
        if self.failing:
            raise PluginBug(BROKEN_MESSAGE)

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        self._work()
        return [NavigationEntry("broken.index", "Broken link")]

    @hookimpl
    def iscg_dashboard_widgets(self, user: Any) -> list[Panel]:
        self._work()
        return [Panel("Broken widget", "sample_widget.html", {"greeting": "broken"})]

    @hookimpl
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Panel]:
        self._work()
        return [Panel("Broken meeting panel", "sample_widget.html", {"greeting": "broken"})]

    @hookimpl
    def iscg_form_extension(self, form: str) -> FormExtension | None:
        self._work()
        return FaultyNote(fails_in=None) if form == CoreForm.MEETING_REGISTRATION else None

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        self._work()
        return [ReportSection("Broken section", "Never shown while failing.")]

    @hookimpl
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        self._work()
        self.events.append(event)


class FaultyNote(FormExtension):
    """A registration field whose ``fails_in`` method (fields, load, check) raises."""

    legend = "Faulty theme"

    def __init__(self, fails_in: str | None) -> None:
        self.fails_in = fails_in
        self.saved: dict[int, str] = {}

    def _work(self, method: str) -> None:
        if method == self.fails_in:
            raise PluginBug(f"{method} {BROKEN_MESSAGE}")

    def fields(self) -> dict[str, UnboundField]:
        self._work("fields")
        return {"remark": StringField("Faulty remark", validators=[Optional(), Length(max=20)])}

    def load(self, subject: Any) -> dict[str, Any]:
        self._work("load")
        return {"remark": self.saved.get(subject.id, "")}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        self._work("check")
        return {}

    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        self.saved[subject.id] = values["remark"]


class FaultyFormPlugin(ThemePlugin):
    """Adds a remark to the meeting registration through an extension that may raise."""

    name = "faulty"
    title = "Faulty theme"
    description = "A theme plugin whose form extension raises, used by the tests."

    def __init__(self, fails_in: str | None) -> None:
        self.note = FaultyNote(fails_in)

    @hookimpl
    def iscg_form_extension(self, form: str) -> FormExtension | None:
        return self.note if form == CoreForm.MEETING_REGISTRATION else None


class BadlyDrawnPlugin(ThemePlugin):
    """Hooks that answer, but with a link to no page and panels whose templates fail."""

    name = "badly_drawn"
    title = "Badly drawn theme"
    description = "A theme plugin whose answers cannot be drawn, used by the tests."
    theme = "sample-theme"

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("badly_drawn.nowhere", "Link to nowhere")]

    @hookimpl
    def iscg_dashboard_widgets(self, user: Any) -> list[Panel]:
        return [Panel("Undrawable widget", "no/such/template.html")]

    @hookimpl
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Panel]:
        return [Panel("Undrawable panel", "sample_widget.html", {"greeting": Unprintable()})]


class Unprintable:
    """A value that raises when a template writes it."""

    def __str__(self) -> str:
        raise PluginBug(BROKEN_MESSAGE)
