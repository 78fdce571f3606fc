"""The accessibility theme plugin, built on the plugin API alone."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint
from iscg_accessibility.demo import load_demo
from iscg_accessibility.report import items_section
from iscg_accessibility.views import RECORD, blueprint

from iscg_module.platform.api import (
    NavigationEntry,
    ReportPeriod,
    ReportSection,
    Rule,
    ThemePlugin,
    hookimpl,
)


class AccessibilityPlugin(ThemePlugin):
    name = "accessibility"
    title = "Accessibility"
    description = (
        "Tracks the accessibility theme: requests and initiatives on their way to a decision, "
        "the ICT Accessibility Fund, liaison statements and members' needs at meetings."
    )
    version = "0.1.0"
    theme = "accessibility"

    @hookimpl
    def iscg_blueprint(self) -> Blueprint:
        return blueprint

    @hookimpl
    def iscg_migration_directory(self) -> Path:
        return Path(__file__).parent / "migrations"

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("accessibility.index", "Accessibility")]

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [RECORD]

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        return [items_section(period)]

    @hookimpl
    def iscg_demo_data(self) -> None:
        load_demo()
