"""The ICT Accessibility Fund: pledges and payments, and their totals per year and currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel.numbers import list_currencies
from iscg_accessibility.models import CONTRIBUTOR_MAX, FundEntry, FundEntryKind
from sqlalchemy import func, select

from iscg_module.platform.api import OperationRefused, db, record_audit, transactional

LARGEST_AMOUNT = Decimal("100000000")
CURRENCIES = frozenset(list_currencies())


class FundRuleError(OperationRefused):
    """A fund entry no ledger should hold."""


@dataclass(frozen=True)
class Contribution:
    kind: FundEntryKind
    contributor: str
    amount: Decimal
    currency: str
    on_day: date
    note: str = ""

    def __post_init__(self) -> None:
        if not self.contributor.strip() or len(self.contributor) > CONTRIBUTOR_MAX:
            raise FundRuleError(f"Name the contributor in at most {CONTRIBUTOR_MAX} characters.")
        if not Decimal("0") < self.amount <= LARGEST_AMOUNT:
            raise FundRuleError(f"An amount is above 0 and at most {LARGEST_AMOUNT:,}.")
        if self.amount != self.amount.quantize(Decimal("0.01")):
            raise FundRuleError("An amount has at most two decimals.")
        if self.currency not in CURRENCIES:
            raise FundRuleError(f"{self.currency} is not a known ISO 4217 currency code.")


@dataclass(frozen=True)
class YearTotal:
    year: int
    currency: str
    pledged: Decimal
    paid: Decimal


@transactional
def record_contribution(actor: Any, contribution: Contribution) -> FundEntry:
    entry = FundEntry(
        kind=contribution.kind, contributor=contribution.contributor.strip(),
        amount=contribution.amount, currency=contribution.currency,
        on_day=contribution.on_day, note=contribution.note.strip(),
        recorded_by_id=actor.id if actor else None,
    )  # fmt: skip
    db.session.add(entry)
    db.session.flush()
    record_audit(actor, "accessibility.fund_entry_recorded", "accessibility_fund_entry",
                 entry.id, kind=contribution.kind.value)  # fmt: skip
    return entry


def entries() -> list[FundEntry]:
    """Every pledge and payment, the latest first."""
    query = select(FundEntry).order_by(FundEntry.on_day.desc(), FundEntry.id.desc())
    return list(db.session.scalars(query))


def totals_by_year(first_year: int | None = None, last_year: int | None = None) -> list[YearTotal]:
    """Pledged and paid per year and currency, oldest year first, in one query."""
    year = func.extract("year", FundEntry.on_day)
    query = select(year, FundEntry.currency, FundEntry.kind, func.sum(FundEntry.amount))
    if first_year is not None:
        query = query.where(year >= first_year)
    if last_year is not None:
        query = query.where(year <= last_year)
    query = query.group_by(year, FundEntry.currency, FundEntry.kind)
    sums: dict[tuple[int, str], dict[FundEntryKind, Decimal]] = {}
    for entry_year, currency, kind, total in db.session.execute(query):
        sums.setdefault((int(entry_year), currency), {})[FundEntryKind(kind)] = Decimal(total)
    return [
        YearTotal(
            entry_year,
            currency,
            by_kind.get(FundEntryKind.PLEDGE, Decimal(0)),
            by_kind.get(FundEntryKind.PAYMENT, Decimal(0)),
        )
        for (entry_year, currency), by_kind in sorted(sums.items())
    ]


@dataclass(frozen=True)
class PeriodTotal:
    currency: str
    pledged: Decimal
    paid: Decimal


def totals_between(first_day: date, last_day: date) -> list[PeriodTotal]:
    """Pledged and paid per currency on the days of a period, in one query."""
    query = (
        select(FundEntry.currency, FundEntry.kind, func.sum(FundEntry.amount))
        .where(FundEntry.on_day.between(first_day, last_day))
        .group_by(FundEntry.currency, FundEntry.kind)
    )
    sums: dict[str, dict[FundEntryKind, Decimal]] = {}
    for currency, kind, total in db.session.execute(query):
        sums.setdefault(currency, {})[FundEntryKind(kind)] = Decimal(total)
    return [
        PeriodTotal(
            currency,
            by_kind.get(FundEntryKind.PLEDGE, Decimal(0)),
            by_kind.get(FundEntryKind.PAYMENT, Decimal(0)),
        )
        for currency, by_kind in sorted(sums.items())
    ]
