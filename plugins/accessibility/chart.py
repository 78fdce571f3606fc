"""The fund's yearly totals as charts, one per currency, drawn by the core's chart helper."""

from __future__ import annotations

from decimal import Decimal

from iscg_accessibility.fund import YearTotal

from iscg_module.platform.api import Chart, Series, make_chart


def fund_charts(totals: list[YearTotal]) -> list[Chart]:
    """One chart per currency: for each year, a pledged bar and a paid bar."""
    currencies = sorted({total.currency for total in totals})
    return [
        _chart(currency, [t for t in totals if t.currency == currency]) for currency in currencies
    ]


def _chart(currency: str, totals: list[YearTotal]) -> Chart:
    return make_chart(
        f"fund-{currency}",
        f"ICT Accessibility Fund in {currency}, per year",
        _summary(currency, totals),
        [str(total.year) for total in totals],
        [
            Series("Pledged", [total.pledged for total in totals]),
            Series("Paid", [total.paid for total in totals]),
        ],
        unit=currency,
    )


def _summary(currency: str, totals: list[YearTotal]) -> str:
    years = f"{totals[0].year}" if len(totals) == 1 else f"{totals[0].year} to {totals[-1].year}"
    pledged = sum((total.pledged for total in totals), Decimal(0))
    paid = sum((total.paid for total in totals), Decimal(0))
    return (
        f"Pledged and paid per year in {currency}, {years}: {pledged:,.2f} pledged and "
        f"{paid:,.2f} paid in all."
    )
