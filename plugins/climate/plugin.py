"""The climate-change theme plugin, built on the plugin API alone."""

from __future__ import annotations

from iscg_climate.blueprint import blueprint
from iscg_climate.demo import load_demo
from iscg_climate.models import Indicator, IndicatorValue
from iscg_climate.permissions import RECORD
from iscg_climate.report import climate_section
from sqlalchemy import func, select

from iscg_module.platform.api import (
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
    theme = "climate-change"
    blueprint = blueprint

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
