"""The climate theme's part of the progress report, in Markdown."""

from __future__ import annotations

from iscg_climate.documents import theme_updates
from iscg_climate.indicators import all_indicators, values_meeting
from iscg_climate.remote_meetings import NAME, UNIT, remote_share
from iscg_climate.trend import Point, change_of, figure

from iscg_module.platform.api import ReportPeriod, ReportSection


def climate_section(period: ReportPeriod) -> ReportSection:
    """The period's published updates, each indicator's change, and the meetings held remotely.

    A value counts for the period when its own period meets it, as an update does.
    """
    parts = [
        ("Published updates", _update_lines(period),
         "No update of the theme was published for the period."),
        ("Indicators", _indicator_lines(period), "No indicator of the theme is defined."),
        (f"{NAME} (computed from the group's meetings)", _remote_lines(period),
         "The group held no confirmed meeting in the years of the period."),
    ]  # fmt: skip
    body = "\n\n".join(
        f"**{heading}.**\n\n" + ("\n".join(lines) if lines else none)
        for heading, lines, none in parts
    )
    return ReportSection("Climate change", body, order=50)


def _update_lines(period: ReportPeriod) -> list[str]:
    lines = []
    for update in theme_updates(period.first_day, period.last_day):
        documents = ", ".join(link["label"] for link in update.links)
        see = f" (see {documents})" if documents else ""
        lines.append(
            f"- {update.title}, {update.period_start:%d %B %Y} to "
            f"{update.period_end:%d %B %Y}{see}."
        )
    return lines


def _indicator_lines(period: ReportPeriod) -> list[str]:
    indicators = all_indicators()
    points: dict[int, list[Point]] = {}
    for recorded in values_meeting(period.first_day, period.last_day):
        point = Point(recorded.period_start, recorded.period_end, recorded.value)
        points.setdefault(recorded.indicator_id, []).append(point)
    lines, silent = [], []
    for indicator in indicators:
        found = points.get(indicator.id, [])
        change = change_of(found, indicator.direction)
        if change is not None:
            lines.append(f"- {indicator.name}: {change.words(indicator.unit)}")
        elif found:
            lines.append(
                f"- {indicator.name}: {figure(found[0].value, indicator.unit)} in "
                f"{found[0].label}, the only value for the period."
            )
        else:
            silent.append(indicator.name)
    if silent:
        lines.append(f"- No value was recorded for the period for: {', '.join(silent)}.")
    return lines


def _remote_lines(period: ReportPeriod) -> list[str]:
    share = remote_share(period.first_day.year, period.last_day.year)
    lines = [
        f"- {year.year}: {figure(point.value, UNIT)} ({year.virtual + year.hybrid} of "
        f"{year.total} meetings virtual or hybrid)."
        for year, point in share.rows
    ]
    if share.change is not None:
        lines.append(f"- Over these years: {share.change.words(UNIT)}")
    return lines
