"""The example theme plugin: every hook of the plugin API, on the API alone."""

from __future__ import annotations

from typing import Any

from iscg_example_plugin.blueprint import blueprint
from iscg_example_plugin.forms import MeetingTopicField
from iscg_example_plugin.notes import count_event, latest_notes, notes_of, topics_of_meeting
from iscg_example_plugin.permissions import WRITE_NOTES
from iscg_module.platform.api import (
    CoreForm,
    FlagSetting,
    FormExtension,
    NumberSetting,
    Panel,
    ReportPeriod,
    ReportSection,
    Rule,
    Setting,
    TextSetting,
    ThemePlugin,
    hookimpl,
    plugin_settings,
)

WIDGET = "iscg_example_plugin/widget.html"
TOPICS = "iscg_example_plugin/topics.html"


class ExamplePlugin(ThemePlugin):
    name = "example"
    title = "Example theme"
    description = "Notes on a theme, a topic field on meeting registrations, a home-page widget."
    theme = "example"
    blueprint = blueprint

    @hookimpl
    def iscg_settings(self) -> list[Setting]:
        heading = TextSetting("heading", "Page heading", default="Example theme", required=True)
        shown = NumberSetting("notes_shown", "Notes on the page", default=10, minimum=1, maximum=99)
        widget = FlagSetting("widget", "Latest notes on members' home page", default=True)
        return [heading, shown, widget]

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [WRITE_NOTES]

    @hookimpl
    def iscg_dashboard_widgets(self, user: Any) -> list[Panel]:
        if not plugin_settings(self.name)["widget"]:
            return []
        context = {"notes": latest_notes(3)}
        return [Panel("Latest notes on the example theme", WIDGET, context)]

    @hookimpl
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Panel]:
        if not (user.is_authenticated and user.is_admin):
            return []
        context = {"topics": topics_of_meeting(meeting.id)}
        return [Panel("Topics members want to raise", TOPICS, context)]

    @hookimpl
    def iscg_form_extension(self, form: str) -> FormExtension | None:
        return MeetingTopicField() if form == CoreForm.MEETING_REGISTRATION else None

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        notes = notes_of(period)
        lines = [f"- {note.written_at:%d %B %Y}: {note.body}" for note in notes]
        body = "\n".join(lines) if lines else "No note was written in the period."
        return [ReportSection("Example theme: notes", body)]

    @hookimpl
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        count_event(event)
