"""The AI theme plugin: the focal point's structured reports, built on the plugin API alone."""

from __future__ import annotations

from iscg_ai.blueprint import blueprint
from iscg_ai.demo import load_demo
from iscg_ai.permissions import WRITE
from iscg_ai.report import ai_section
from iscg_ai.report_form import ReportFields
from iscg_ai.reports import published_reports

from iscg_module.platform.api import (
    CoreForm,
    FormExtension,
    ReportPeriod,
    ReportSection,
    Rule,
    ThemePlugin,
    hookimpl,
)


class AIPlugin(ThemePlugin):
    name = "ai"
    title = "AI focal-point reports"
    description = (
        "Periodic reports of the AI focal point: the activities coordinated across the "
        "Sectors, the AI sub-group's terms of reference, and what changed between reports."
    )
    theme = "ai"
    navigation_label = "AI reports"
    blueprint = blueprint

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [WRITE]

    @hookimpl
    def iscg_form_extension(self, form: str, theme: str | None) -> FormExtension | None:
        """The report's fields, on the update form of this plugin's theme only."""
        return ReportFields() if form == CoreForm.THEME_UPDATE and theme == self.theme else None

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        return [ai_section(period)]

    @hookimpl
    def iscg_demo_data(self) -> None:
        load_demo()

    @hookimpl
    def iscg_sample_url_values(self) -> dict[str, int]:
        """The latest published report, when there is one (else the core's update id)."""
        reports = published_reports()
        return {"update_id": reports[-1].id} if reports else {}
