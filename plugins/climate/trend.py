"""How an indicator moved between two periods, said in words that know its direction."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from iscg_climate.indicators import is_percent
from iscg_climate.models import Direction


@dataclass(frozen=True)
class Point:
    """One value of an indicator over its period (recorded, or computed by the product)."""

    period_start: date
    period_end: date
    value: Decimal

    @property
    def label(self) -> str:
        return period_label(self.period_start, self.period_end)


def period_label(start: date, end: date) -> str:
    """A short name for a period: '2021', 'Q3 2021', 'September 2021', or its two days."""
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month == end.month:
            return f"{start:%B %Y}"
        if start.month % 3 == 1 and end.month == start.month + 2:
            return f"Q{start.month // 3 + 1} {start.year}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def number(value: Decimal) -> str:
    """E.g. '1,250', '37.5': thousands separated, no trailing zeros."""
    return f"{value.normalize():,f}" if value != value.to_integral_value() else f"{value:,.0f}"


def figure(value: Decimal, unit: str) -> str:
    """E.g. '1,250 tCO2e', '37.5 %'."""
    return f"{number(value)} {unit}"


@dataclass(frozen=True)
class Change:
    first: Point
    last: Point
    direction: Direction

    @property
    def difference(self) -> Decimal:
        return self.last.value - self.first.value

    @property
    def improved(self) -> bool | None:
        """True when it moved the good way, False the bad way, None when it did not move."""
        if self.difference == 0:
            return None
        return (self.difference < 0) == (self.direction is Direction.LOWER_IS_BETTER)

    def words(self, unit: str) -> str:
        """E.g. 'from 1,200 tCO2e in 2019 to 300 tCO2e in 2021: down 900 tCO2e (75 %), …'.

        A share moves in percentage points, and is not given a relative change.
        """
        span = (
            f"from {figure(self.first.value, unit)} in {self.first.label} "
            f"to {figure(self.last.value, unit)} in {self.last.label}"
        )
        if self.improved is None:
            return f"{span}: unchanged."
        way = "up" if self.difference > 0 else "down"
        moved, relative = figure(abs(self.difference), unit), ""
        if is_percent(unit):
            moved = figure(abs(self.difference), "percentage points")
        elif self.first.value != 0:
            share = (abs(self.difference) / self.first.value * 100).quantize(Decimal("0.1"))
            relative = f" ({figure(share, '%')})"
        verdict = "an improvement" if self.improved else "a change for the worse"
        better = "lower" if self.direction is Direction.LOWER_IS_BETTER else "higher"
        return f"{span}: {way} {moved}{relative}, {verdict}, as {better} is better."


def change_of(points: list[Point], direction: Direction) -> Change | None:
    """From the earliest to the latest of ``points``; None with fewer than two."""
    if len(points) < 2:
        return None
    ordered = sorted(points, key=lambda point: (point.period_start, point.period_end))
    return Change(ordered[0], ordered[-1], direction)


def summary(
    name: str,
    unit: str,
    points: list[Point],
    direction: Direction,
    nothing: str = "no value is recorded yet",
) -> str:
    """The text a chart of ``points`` carries, and the page says beside it."""
    if not points:
        return f"{name}: {nothing}."
    change = change_of(points, direction)
    if change is None:
        only = points[0]
        return (
            f"{name}: one value so far, {figure(only.value, unit)} in {only.label}; the change "
            "shows once a second period is recorded."
        )
    return f"{name}, {len(points)} periods: {change.words(unit)}"


def points_of(values: list[Any]) -> list[Point]:
    """The points of an indicator's recorded values."""
    return [Point(value.period_start, value.period_end, value.value) for value in values]
