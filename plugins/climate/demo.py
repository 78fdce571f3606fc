"""The climate theme's demo: the indicators the secretariat would measure, with no values.

The reference report (September 2021) says the secretariat shared its work to become a
greener organisation in ISCG/21-2/INF-1, and gives no figure: none is invented here. The
computed share of meetings held virtual or hybrid shows the demo's meetings by itself.
"""

from __future__ import annotations

from iscg_climate.indicators import IndicatorDetails, define_indicator, indicator_by_name
from iscg_climate.models import Direction

INDICATORS = (
    IndicatorDetails(
        "Emissions from staff and delegate travel", "tCO2e", Direction.LOWER_IS_BETTER,
        "Greenhouse-gas emissions of the air and rail travel the organisation pays for, in "
        "tonnes of CO2 equivalent.",
    ),
    IndicatorDetails(
        "Paper pages printed", "pages", Direction.LOWER_IS_BETTER,
        "Pages printed for meetings and documents, on the secretariat's printers and by the "
        "print shop.",
    ),
    IndicatorDetails(
        "Electricity used in the organisation's buildings", "MWh", Direction.LOWER_IS_BETTER,
        "Electricity used by the headquarters buildings over the period.",
    ),
    IndicatorDetails(
        "Share of electricity from renewable sources", "%", Direction.HIGHER_IS_BETTER,
        "Electricity from renewable sources, out of all the electricity the buildings used.",
    ),
)  # fmt: skip


def load_demo() -> None:
    """Define each indicator once; running it again changes nothing."""
    for details in INDICATORS:
        if indicator_by_name(details.name) is None:
            define_indicator(None, details)
