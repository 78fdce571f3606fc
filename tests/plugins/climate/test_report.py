"""The climate theme's section of the progress report for a period."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from iscg_climate.indicators import IndicatorDetails, ValueDetails, define_indicator, record_value
from iscg_climate.models import Direction

from iscg_module.meetings.models import MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.platform.api import ReportPeriod
from iscg_module.testing.accounts import make_focal_point
from iscg_module.testing.factories import at, make_meeting, make_update
from iscg_module.testing.plugins import disable_plugin, report_markdown
from iscg_module.theme_updates.content import DocumentLink
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme

pytestmark = pytest.mark.iscg_plugins("climate")

YEARS_2020_2021 = ReportPeriod(date(2020, 1, 1), date(2021, 12, 31))


def value(indicator, year: int, amount: str) -> None:
    period = ValueDetails(date(year, 1, 1), date(year, 12, 31), Decimal(amount))
    record_value(None, indicator, period)


def meeting_in(year: int, meeting_format: MeetingFormat, status=MeetingStatus.CONFIRMED) -> None:
    starts = at(year, 9, 1, 14)
    make_meeting(
        status, schedule=ExactTimes(starts, starts + timedelta(hours=2)), format=meeting_format,
        venue=None if meeting_format is MeetingFormat.VIRTUAL else "ITU headquarters, Geneva",
    )  # fmt: skip


@pytest.fixture
def theme_life(app):
    """Three indicators (one moved the bad way, one silent), an update, meetings of 3 years."""
    travel = define_indicator(
        None, IndicatorDetails("Travel emissions", "tCO2e", Direction.LOWER_IS_BETTER)
    )
    for year, amount in ((2019, "2000"), (2020, "1200"), (2021, "300"), (2022, "800")):
        value(travel, year, amount)
    renewable = define_indicator(
        None, IndicatorDetails("Renewable electricity", "%", Direction.HIGHER_IS_BETTER)
    )
    value(renewable, 2020, "60")
    value(renewable, 2021, "55.5")
    define_indicator(
        None, IndicatorDetails("Paper pages printed", "pages", Direction.LOWER_IS_BETTER)
    )
    climate = ensure_theme(None, "climate-change", "Climate change", "", ThemeStatus.ACTIVE)
    writer = make_focal_point("Climate Focal Point", "climate-change")
    make_update(
        climate, writer, UpdateStatus.PUBLISHED,
        title="ITU's internal work to become a greener organization",
        period_start=date(2021, 7, 1), period_end=date(2021, 9, 1),
        links=(DocumentLink("ISCG/21-2/INF-1"),),
    )  # fmt: skip
    make_update(climate, writer, title="A draft")  # in the period, never published
    meeting_in(2020, MeetingFormat.PHYSICAL)
    meeting_in(2021, MeetingFormat.VIRTUAL)
    meeting_in(2022, MeetingFormat.PHYSICAL)
    meeting_in(2021, MeetingFormat.PHYSICAL, MeetingStatus.TENTATIVE)


def test_the_section_tells_each_indicators_change_in_the_period(theme_life):
    section = report_markdown(YEARS_2020_2021)["Climate change"]
    assert (
        "- ITU's internal work to become a greener organization, 01 July 2021 to "
        "01 September 2021 (see ISCG/21-2/INF-1)." in section
    )
    assert "A draft" not in section
    assert (
        "- Travel emissions: from 1,200 tCO2e in 2020 to 300 tCO2e in 2021: down 900 tCO2e "
        "(75 %), an improvement, as lower is better." in section
    )  # 2019 and 2022 are outside the period
    assert (
        "- Renewable electricity: from 60 % in 2020 to 55.5 % in 2021: down 4.5 percentage "
        "points, a change for the worse, as higher is better." in section
    )
    assert "- No value was recorded for the period for: Paper pages printed." in section
    assert "- 2020: 0 % (0 of 1 meetings virtual or hybrid)." in section
    assert "- 2021: 100 % (1 of 1 meetings virtual or hybrid)." in section
    assert "2022" not in section


def test_a_single_value_in_the_period_is_given_without_a_change(theme_life):
    section = report_markdown(ReportPeriod(date(2022, 1, 1), date(2022, 12, 31)))["Climate change"]
    assert "- Travel emissions: 800 tCO2e in 2022, the only value for the period." in section
    assert "- 2022: 0 % (0 of 1 meetings virtual or hybrid)." in section


def test_a_quiet_period_says_so_and_a_disabled_plugin_has_no_section(app):
    quiet = report_markdown(ReportPeriod(date(2023, 1, 1), date(2023, 12, 31)))["Climate change"]
    assert "No update of the theme was published for the period." in quiet
    assert "No indicator of the theme is defined." in quiet
    assert "The group held no confirmed meeting in the years of the period." in quiet
    disable_plugin("climate")
    assert "Climate change" not in report_markdown(YEARS_2020_2021)
