"""The climate-change theme plugin, built on the plugin API alone."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint
from iscg_climate.demo import load_demo
from iscg_climate.models import Indicator, IndicatorValue
from iscg_climate.report import climate_section
from iscg_climate.views import RECORD, blueprint
from sqlalchemy import func, select

from iscg_module.platform.api import (
    NavigationEntry,
    ReportPeriod,
    ReportSection,
    Rule,
    ThemePlugin,
    db,
    hookimpl,
)


class ClimatePlugin(ThemePlugin):
    name = "climate"
    title = "Climate change"
    description = (
        "The secretariat's work to become a greener organisation: indicators measured per "
        "period, charted over time, linked to the information documents that report them."
    )
    version = "0.1.0"
    theme = "climate-change"

    @hookimpl
    def iscg_blueprint(self) -> Blueprint:
        return blueprint

    @hookimpl
    def iscg_migration_directory(self) -> Path:
        return Path(__file__).parent / "migrations"

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("climate.index", "Climate change")]

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        return [RECORD]

    @hookimpl
    def iscg_report_sections(self, period: ReportPeriod) -> list[ReportSection]:
        return [climate_section(period)]

    @hookimpl
    def iscg_demo_data(self) -> None:
        load_demo()

    @hookimpl
    def iscg_sample_url_values(self) -> dict[str, int | None]:
        """The demo records no value (the reference report gives none): 1 then names none,
        and the walks meet the value pages' access rule, then a 404."""
        return {
            "indicator_id": db.session.scalar(select(func.min(Indicator.id))),
            "value_id": db.session.scalar(select(func.min(IndicatorValue.id))) or 1,
        }
