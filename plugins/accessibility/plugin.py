"""The accessibility theme plugin, built on the plugin API alone."""

from __future__ import annotations

from typing import Any

from iscg_accessibility.blueprint import blueprint
from iscg_accessibility.demo import load_demo
from iscg_accessibility.liaisons import holds_attachment
from iscg_accessibility.meeting_needs import needs_panels
from iscg_accessibility.meeting_needs_form import MeetingNeedsFields
from iscg_accessibility.models import Item, LiaisonStatement
from iscg_accessibility.permissions import RECORD
from iscg_accessibility.report import accessibility_section
from sqlalchemy import func, select

from iscg_module.platform.api import (
    CoreForm,
    FormExtension,
    Panel,
    ReportPeriod,
    ReportSection,
    Rule,
    ThemePlugin,
    db,
    hookimpl,
)


class AccessibilityPlugin(ThemePlugin):
    name = "accessibility"
    title = "Accessibility"
    description = (
        "Tracks the accessibility theme: requests and initiatives on their way to a decision, "
        "the ICT Accessibility Fund, liaison statements and members' needs at meetings."
    )
    theme = "accessibility"
    blueprint = blueprint

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [RECORD]

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        return [accessibility_section(period)]

    @hookimpl
    def iscg_form_extension(self, form: str) -> FormExtension | None:
        return MeetingNeedsFields() if form == CoreForm.MEETING_REGISTRATION else None

    @hookimpl
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Panel]:
        return needs_panels(meeting, user)

    @hookimpl
    def iscg_attachment_readable(self, user: Any, attachment_id: int) -> bool | None:
        if not holds_attachment(attachment_id):
            return None
        return bool(user.is_authenticated)

    @hookimpl
    def iscg_demo_data(self) -> None:
        load_demo()

    @hookimpl
    def iscg_sample_url_values(self) -> dict[str, int]:
        return {
            "item_id": db.session.scalar(select(func.min(Item.id))) or 1,
            "liaison_id": db.session.scalar(select(func.min(LiaisonStatement.id))) or 1,
        }
