"""What a chart shows, and the geometry an SVG template draws from it.

A chart is a figure for sighted readers; the page always shows the same numbers as a table
and the chart carries a text summary, so nothing is said by the drawing alone. Series get
colours of at least 3:1 contrast against white and a legend that names them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

WIDTH, HEIGHT = 640, 280
TOP, BOTTOM, LEFT, RIGHT = 24, 44, 64, 16
COLOURS = ("#1f5fa8", "#2e7d32", "#b3261e", "#6a3d9a", "#8a5300")  # as .chart-swatch--N

Number = Decimal | float | int


class ChartKind(StrEnum):
    BARS = "bars"
    LINES = "lines"


@dataclass(frozen=True)
class Series:
    """One named row of values, one value per category (None where there is none)."""

    name: str
    values: Sequence[Number | None]


@dataclass(frozen=True)
class Mark:
    """A bar (``width`` and ``height``) or a point of a line (``width`` 0), with its label."""

    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class DrawnSeries:
    name: str
    colour_index: int
    marks: list[Mark]

    @property
    def colour(self) -> str:
        return COLOURS[self.colour_index]

    @property
    def points(self) -> str:
        """The SVG ``points`` of the line through this series' values."""
        return " ".join(f"{mark.x:.1f},{mark.y:.1f}" for mark in self.marks)


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class AxisLabel:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """Everything the SVG template needs, in the chart's own coordinates."""

    key: str
    title: str
    summary: str
    kind: ChartKind
    series: list[DrawnSeries]
    categories: list[AxisLabel]
    ticks: list[Tick] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: int = HEIGHT - BOTTOM


def make_chart(
    key: str,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    kind: ChartKind = ChartKind.BARS,
    unit: str = "",
) -> Chart:
    """Lay out ``series`` over ``categories`` as bars side by side, or as lines.

    ``key`` makes the SVG's ids unique on a page that shows several charts.
    """
    if any(len(row.values) != len(categories) for row in series):
        raise ValueError("every series needs one value per category")
    scale = _Scale(max((_largest(row) for row in series), default=Decimal(0)))
    step = (WIDTH - LEFT - RIGHT) / max(len(categories), 1)
    drawn = [
        DrawnSeries(row.name, index % len(COLOURS),
                    _marks(row, index, len(series), step, scale, kind, unit))
        for index, row in enumerate(series)
    ]  # fmt: skip
    labels = [
        AxisLabel(LEFT + index * step + step / 2, name) for index, name in enumerate(categories)
    ]
    return Chart(key, title, summary, kind, drawn, labels, scale.ticks())


def _largest(row: Series) -> Decimal:
    return max(
        (Decimal(str(value)) for value in row.values if value is not None), default=Decimal(0)
    )


def _marks(
    row: Series, index: int, count: int, step: float, scale: _Scale, kind: ChartKind, unit: str
) -> list[Mark]:
    marks = []
    bar = min(step * 0.8 / max(count, 1), 48)
    for position, value in enumerate(row.values):
        if value is None:
            continue
        top = scale.y(value)
        label = f"{row.name}: {_figure(value)}{' ' + unit if unit else ''}"
        if kind is ChartKind.BARS:
            start = LEFT + position * step + (step - bar * count) / 2 + index * bar
            marks.append(Mark(start, top, bar - 2, HEIGHT - BOTTOM - top, label))
        else:
            marks.append(Mark(LEFT + position * step + step / 2, top, 0, 0, label))
    return marks


def _figure(value: Number) -> str:
    number = Decimal(str(value))
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"


@dataclass(frozen=True)
class _Scale:
    """Values from 0 to a round top, onto the drawing's height, in at most five round steps."""

    largest: Decimal

    @property
    def step(self) -> Decimal:
        wanted = self.largest / 5 if self.largest > 0 else Decimal("0.2")
        magnitude = Decimal(10) ** wanted.adjusted()
        for factor in ("1", "2", "2.5", "5", "10"):
            candidate = magnitude * Decimal(factor)
            if candidate >= wanted:
                return candidate
        raise AssertionError("unreachable: 10 × magnitude is above the wanted step")

    @property
    def steps(self) -> int:
        return max(1, math.ceil(self.largest / self.step))

    def y(self, value: Number) -> float:
        room = HEIGHT - TOP - BOTTOM
        top = self.step * self.steps
        return HEIGHT - BOTTOM - float(Decimal(str(value)) / top) * room

    def ticks(self) -> list[Tick]:
        return [
            Tick(self.y(self.step * index), _figure(self.step * index))
            for index in range(self.steps + 1)
        ]
