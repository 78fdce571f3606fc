"""Indicators of the greener organisation and their values, one per period, never overlapping."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from iscg_climate.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    NOTE_MAX,
    SOURCE_MAX,
    UNIT_MAX,
    Direction,
    Indicator,
    IndicatorValue,
)
from sqlalchemy import func, select

from iscg_module.platform.api import (
    OperationRefused,
    Revision,
    db,
    lock_for_change,
    record_audit,
    refuse_stale_edit,
    transactional,
    utc_now,
)

DIRECTION_LABELS = {
    Direction.LOWER_IS_BETTER: "lower is better",
    Direction.HIGHER_IS_BETTER: "higher is better",
}
# Indicators measure amounts, counts and shares: none is below 0, and a share is at most 100 %.
LARGEST_VALUE = Decimal("1000000000")
DECIMALS = 4
PERCENT_UNITS = frozenset({"%", "percent", "per cent"})


class IndicatorRuleError(OperationRefused):
    """An indicator or a value no record of the theme should hold."""


def is_percent(unit: str) -> bool:
    return unit.strip().lower() in PERCENT_UNITS


def value_problem(value: Decimal, unit: str) -> str | None:
    """Why ``value`` cannot be a measure in ``unit``, or None when it can."""
    if not value.is_finite():
        return "Give the value as a number, for example 1250 or 37.5."
    if value < 0:
        return "A measured amount, count or share cannot be negative."
    if is_percent(unit) and value > 100:
        return "A share in % is at most 100."
    if value > LARGEST_VALUE:
        return f"A value is at most {LARGEST_VALUE:,}."
    if value != value.quantize(Decimal(1).scaleb(-DECIMALS)):
        return f"A value has at most {DECIMALS} decimals."
    return None


@dataclass(frozen=True)
class IndicatorDetails:
    name: str
    unit: str
    direction: Direction
    description: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > NAME_MAX:
            raise IndicatorRuleError(f"Name the indicator in 1 to {NAME_MAX} characters.")
        if not self.unit.strip() or len(self.unit) > UNIT_MAX:
            raise IndicatorRuleError(f"Give the unit in 1 to {UNIT_MAX} characters.")
        if len(self.description) > DESCRIPTION_MAX:
            raise IndicatorRuleError(f"The description is at most {DESCRIPTION_MAX} characters.")


@dataclass(frozen=True)
class ValueDetails:
    period_start: date
    period_end: date
    value: Decimal
    source: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise IndicatorRuleError("The period cannot end before it starts.")
        if len(self.source) > SOURCE_MAX or len(self.note) > NOTE_MAX:
            raise IndicatorRuleError(
                f"The source is at most {SOURCE_MAX} characters and the note {NOTE_MAX}."
            )


@transactional
def define_indicator(actor: Any, details: IndicatorDetails) -> Indicator:
    _check_name_is_free(details.name)
    indicator = Indicator(**_indicator_columns(details))
    db.session.add(indicator)
    db.session.flush()
    record_audit(actor, "climate.indicator_defined", "climate_indicator", indicator.id,
                 name=indicator.name)  # fmt: skip
    return indicator


@transactional
def change_indicator(
    actor: Any, indicator: Indicator, details: IndicatorDetails, opened: Revision | None = None
) -> Indicator:
    """Rename or redescribe an indicator; its values must still fit a changed unit.

    ``opened`` is the revision the editor saw: if the indicator changed since, nothing is saved.
    """
    lock_for_change(indicator)
    refuse_stale_edit(opened, indicator_values(indicator), "climate_indicator", indicator.id)
    _check_name_is_free(details.name, indicator.id)
    for recorded in indicator.values:
        problem = value_problem(recorded.value, details.unit)
        if problem:
            raise IndicatorRuleError(
                f"The value for {period_words(recorded)} does not fit that unit: {problem}"
            )
    columns = _indicator_columns(details)
    changed = sorted(name for name, value in columns.items() if getattr(indicator, name) != value)
    for name, value in columns.items():
        setattr(indicator, name, value)
    indicator.updated_at = utc_now()
    record_audit(actor, "climate.indicator_changed", "climate_indicator", indicator.id,
                 fields=changed)  # fmt: skip
    return indicator


@transactional
def record_value(actor: Any, indicator: Indicator, details: ValueDetails) -> IndicatorValue:
    _lock(indicator)
    _check_value(indicator, details, None)
    recorded = IndicatorValue(
        indicator=indicator, **_value_columns(details), recorded_by_id=actor.id if actor else None
    )
    db.session.add(recorded)
    db.session.flush()
    record_audit(actor, "climate.value_recorded", "climate_indicator_value", recorded.id,
                 indicator_id=indicator.id, value=_plain(recorded.value))  # fmt: skip
    return recorded


@transactional
def change_value(
    actor: Any, recorded: IndicatorValue, details: ValueDetails, opened: Revision | None = None
) -> IndicatorValue:
    """Correct a value; the audit log keeps what it was. ``opened`` as for indicators."""
    _lock(recorded.indicator)
    lock_for_change(recorded)
    refuse_stale_edit(opened, value_values(recorded), "climate_indicator_value", recorded.id)
    _check_value(recorded.indicator, details, recorded.id)
    before = _plain(recorded.value)
    for name, value in _value_columns(details).items():
        setattr(recorded, name, value)
    recorded.updated_at = utc_now()
    record_audit(actor, "climate.value_changed", "climate_indicator_value", recorded.id,
                 indicator_id=recorded.indicator_id, before=before,
                 after=_plain(recorded.value))  # fmt: skip
    return recorded


@transactional
def remove_value(actor: Any, recorded: IndicatorValue) -> Indicator:
    """Take off a value recorded by mistake; the audit log keeps what it said."""
    indicator = recorded.indicator
    record_audit(actor, "climate.value_removed", "climate_indicator_value", recorded.id,
                 indicator_id=indicator.id, period_start=recorded.period_start.isoformat(),
                 period_end=recorded.period_end.isoformat(),
                 value=_plain(recorded.value))  # fmt: skip
    indicator.values.remove(recorded)
    return indicator


def _plain(value: Decimal) -> str:
    """The value as the audit log keeps it, without the column's trailing zeros: '1200'."""
    return f"{value.normalize():f}"


def _lock(indicator: Indicator) -> None:
    """Hold the indicator's row so that two recorders cannot add overlapping periods at once."""
    db.session.execute(select(Indicator.id).where(Indicator.id == indicator.id).with_for_update())


def _check_name_is_free(name: str, own_id: int | None = None) -> None:
    query = select(Indicator.id).where(func.lower(Indicator.name) == name.strip().lower())
    if own_id is not None:
        query = query.where(Indicator.id != own_id)
    if db.session.scalar(query) is not None:
        raise IndicatorRuleError(f"An indicator named {name.strip()!r} already exists.")


def _check_value(indicator: Indicator, details: ValueDetails, own_id: int | None) -> None:
    problem = value_problem(details.value, indicator.unit)
    if problem:
        raise IndicatorRuleError(problem)
    for other in indicator.values:
        if other.id == own_id:
            continue
        if (other.period_start, other.period_end) == (details.period_start, details.period_end):
            raise IndicatorRuleError(
                f"There is already a value for {period_words(other)}; correct that one instead."
            )
        if other.period_start <= details.period_end and other.period_end >= details.period_start:
            raise IndicatorRuleError(
                f"The period overlaps the value already recorded for {period_words(other)}."
            )


def indicator_values(indicator: Indicator) -> dict[str, Any]:
    """What the edit form shows of ``indicator``, by its fields' names, for edit conflicts."""
    return {name: getattr(indicator, name) for name in ("name", "unit", "direction", "description")}


def value_values(recorded: IndicatorValue) -> dict[str, Any]:
    """What the edit form shows of a value, by its fields' names, for edit conflicts."""
    names = ("period_start", "period_end", "value", "source", "note")
    return {name: getattr(recorded, name) for name in names}


def _indicator_columns(details: IndicatorDetails) -> dict[str, Any]:
    columns = asdict(details)
    columns.update(
        name=details.name.strip(),
        unit=details.unit.strip(),
        description=details.description.strip(),
    )
    return columns


def _value_columns(details: ValueDetails) -> dict[str, Any]:
    columns = asdict(details)
    columns.update(source=details.source.strip(), note=details.note.strip())
    return columns


def period_words(recorded: Any) -> str:
    """E.g. '1 January 2021 to 31 December 2021'."""
    start, end = recorded.period_start, recorded.period_end
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


def all_indicators() -> list[Indicator]:
    """Every indicator by name, with its values (one query for all of them)."""
    return list(db.session.scalars(select(Indicator).order_by(func.lower(Indicator.name))))


def indicator_by_name(name: str) -> Indicator | None:
    return db.session.scalar(select(Indicator).where(Indicator.name == name))


def values_meeting(first_day: date, last_day: date) -> list[IndicatorValue]:
    """The values whose period meets the days given, by indicator and period, in one query."""
    query = (
        select(IndicatorValue)
        .where(IndicatorValue.period_start <= last_day, IndicatorValue.period_end >= first_day)
        .order_by(IndicatorValue.indicator_id, IndicatorValue.period_start)
    )
    return list(db.session.scalars(query))
