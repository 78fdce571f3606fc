"""Nights when the clocks go back, found by stepping through UTC rather than by folds.

The expected instants come from the offsets before and after the change alone, so the
tests check the product's use of ``fold`` against plain arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

STEP = timedelta(minutes=15)


@dataclass(frozen=True)
class FallBack:
    """The clocks of ``zone`` go back at ``instant``, from offset ``before`` to ``after``."""

    zone: str
    instant: datetime
    before: timedelta
    after: timedelta

    @property
    def wall_time(self) -> datetime:
        """A naive wall-clock time in the middle of the span that happens twice."""
        repeat_starts = (self.instant + self.after).replace(tzinfo=None)
        return repeat_starts + (self.before - self.after) / 2

    @property
    def earlier(self) -> datetime:
        """The UTC instant of ``wall_time``'s first occurrence, before the change."""
        return (self.wall_time - self.before).replace(tzinfo=UTC)

    @property
    def later(self) -> datetime:
        return (self.wall_time - self.after).replace(tzinfo=UTC)


def first_fall_back(zone: str, year: int) -> FallBack:
    """The first time in ``year`` (UTC) when the offset of ``zone`` goes down."""
    zone_info = ZoneInfo(zone)
    moment = datetime(year, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone_info).utcoffset()
    while moment.year == year:
        moment += STEP
        next_offset = moment.astimezone(zone_info).utcoffset()
        if next_offset < offset:
            return FallBack(zone, moment, offset, next_offset)
        offset = next_offset
    raise AssertionError(f"the clocks never go back in {zone} in {year}")


def utc_offset(offset: timedelta) -> str:
    """'UTC+10:30', written here independently of the product."""
    sign = "-" if offset < timedelta(0) else "+"
    hours, minutes = divmod(int(abs(offset).total_seconds()) // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def wall(moment: datetime) -> str:
    """As a ``datetime-local`` input holds it."""
    return f"{moment:%Y-%m-%dT%H:%M}"


FALL_BACKS = [
    pytest.param("Europe/Zurich", 2021, id="zurich-2021"),
    pytest.param("America/New_York", 2021, id="new-york-2021"),
    pytest.param("Australia/Lord_Howe", 2021, id="lord-howe-30-minutes"),
    pytest.param("Pacific/Chatham", 2021, id="chatham-quarter-hours"),
    pytest.param("America/Sao_Paulo", 2018, id="sao-paulo-before-2019-at-midnight"),
    pytest.param("Europe/Zurich", 2040, id="zurich-2040"),
    pytest.param("America/New_York", 2040, id="new-york-2040"),
    pytest.param("Asia/Magadan", 2014, id="magadan-two-hours-numeric"),
    pytest.param("Antarctica/Troll", 2030, id="troll-two-hours-to-utc"),
]
