"""Plugins written against the plugin API only, for the platform's own tests."""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from wtforms import StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional

from iscg_module.platform.api import (
    MEMBER,
    ChoiceSetting,
    CoreForm,
    FlagSetting,
    FormExtension,
    NavigationEntry,
    NumberSetting,
    OperationRefused,
    Panel,
    ReportPeriod,
    ReportSection,
    Rule,
    Setting,
    TextSetting,
    ThemePlugin,
    hookimpl,
    permission,
    plugin_settings,
    require,
)

REVIEW = permission("sample.review", "Review the sample theme", focal_points_of="sample-theme")
REFUSED_ANSWER = "refuse"


class SubjectNote(FormExtension):
    """One optional field on a core form; the answer "refuse" is refused on save."""

    legend = "Sample theme"

    def __init__(self) -> None:
        self.saved: dict[int, str] = {}

    def fields(self) -> dict[str, UnboundField]:
        return {"note": StringField("Sample note", validators=[Optional(), Length(max=20)])}

    def load(self, subject: Any) -> dict[str, Any]:
        return {"note": self.saved.get(subject.id, "")}

    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        if values["note"] == REFUSED_ANSWER:
            raise OperationRefused("The sample plugin refuses that note.")
        self.saved[subject.id] = values["note"]


class RecordingPlugin(ThemePlugin):
    """Uses every hook, and remembers the events it receives."""

    name = "sample"
    title = "Sample theme"
    description = "A theme plugin used by the tests."
    theme = "sample-theme"

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []
        self.demo_loads = 0
        self.registration_note = SubjectNote()
        self.update_note = SubjectNote()
        self.blueprint = Blueprint("sample", __name__, template_folder="templates")

        @self.blueprint.get("/")
        @require(MEMBER)
        def index() -> str:
            return "sample theme page"

        @self.blueprint.get("/review")
        @require(REVIEW)
        def review() -> str:
            return "review page"

        @self.blueprint.get("/undeclared")
        def undeclared() -> str:
            return "a page without an access rule"

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        """Its own entry, not the default's: the registry's tests ask it with no application."""
        return [NavigationEntry("sample.index", "Sample theme")]

    @hookimpl
    def iscg_settings(self) -> list[Setting]:
        return [
            TextSetting("greeting", "Greeting", default="Hello", max_length=40, required=True),
            NumberSetting("limit", "Limit", default=3, minimum=1, maximum=10),
            FlagSetting("loud", "Loud", default=False),
            ChoiceSetting("tone", "Tone", default="warm",
                          choices=(("warm", "Warm"), ("formal", "Formal"))),
        ]  # fmt: skip

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [REVIEW]

    @hookimpl
    def iscg_dashboard_widgets(self, user: Any) -> list[Panel]:
        greeting = plugin_settings(self.name)["greeting"]
        return [Panel("Sample widget", "sample_widget.html", {"greeting": greeting})]

    @hookimpl
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Panel]:
        return [Panel("Sample meeting panel", "sample_widget.html", {"greeting": meeting.title})]

    @hookimpl
    def iscg_form_extension(self, form: str) -> FormExtension | None:
        extensions = {
            CoreForm.MEETING_REGISTRATION: self.registration_note,
            CoreForm.THEME_UPDATE: self.update_note,
        }
        return extensions.get(CoreForm(form))

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        return [ReportSection("Sample section", f"From {period.first_day}.", order=5)]

    @hookimpl
    def iscg_demo_data(self) -> None:
        self.demo_loads += 1

    @hookimpl
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        self.events.append((event, payload))


class MisnamedHookPlugin(ThemePlugin):
    name = "misnamed"

    @hookimpl
    def iscg_navigaton(self) -> list[NavigationEntry]:
        return []
