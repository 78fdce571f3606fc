"""Bars of the fund's yearly totals, as geometry an SVG template draws.

The chart is drawn on the server, so it needs no script; its numbers are also in a table
beside it, and its text summary says what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iscg_accessibility.fund import YearTotal

WIDTH, HEIGHT = 640, 260
COLOURS = {"pledged": "#1f5fa8", "paid": "#2e7d32"}  # 3:1 or more against white
TOP, BOTTOM, LEFT = 20, 40, 16
BAR, GAP = 22, 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    label: str
    kind: str

    @property
    def colour(self) -> str:
        return COLOURS[self.kind]


@dataclass(frozen=True)
class YearGroup:
    year: int
    x: float
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    currency: str
    groups: list[YearGroup]
    summary: str
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = HEIGHT - BOTTOM


def fund_charts(totals: list[YearTotal]) -> list[Chart]:
    """One chart per currency: for each year, a pledged bar and a paid bar."""
    currencies = sorted({total.currency for total in totals})
    return [
        _chart(currency, [t for t in totals if t.currency == currency]) for currency in currencies
    ]


def _chart(currency: str, totals: list[YearTotal]) -> Chart:
    largest = max(max(total.pledged, total.paid) for total in totals) or Decimal(1)
    room = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / max(len(totals), 1)
    groups = []
    for index, total in enumerate(totals):
        x = LEFT + index * step
        bars = [
            _bar(x, total.pledged, largest, room, "pledged", currency),
            _bar(x + BAR + GAP, total.paid, largest, room, "paid", currency),
        ]
        groups.append(YearGroup(total.year, x, bars))
    return Chart(currency, groups, _summary(currency, totals))


def _bar(x: float, amount: Decimal, largest: Decimal, room: int, kind: str, currency: str) -> Bar:
    height = float(amount / largest) * room
    return Bar(x, HEIGHT - BOTTOM - height, height, f"{amount:,.2f} {currency} {kind}", kind)


def _summary(currency: str, totals: list[YearTotal]) -> str:
    years = f"{totals[0].year}" if len(totals) == 1 else f"{totals[0].year} to {totals[-1].year}"
    pledged = sum((total.pledged for total in totals), Decimal(0))
    paid = sum((total.paid for total in totals), Decimal(0))
    return (
        f"Pledged and paid per year in {currency}, {years}: {pledged:,.2f} pledged and "
        f"{paid:,.2f} paid in all."
    )
