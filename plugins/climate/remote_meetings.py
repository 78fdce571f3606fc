"""The indicator the product computes itself: the group's meetings held virtual or hybrid.

It is read from the core's meeting statistics through the plugin API, a value per year, and
stored nowhere: it follows the meetings as they are confirmed, changed or cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from iscg_climate.models import Direction
from iscg_climate.trend import Change, Point, change_of, summary

from iscg_module.platform.api import MeetingFormatsOfYear, meeting_formats_by_year

NAME = "Share of the group's meetings held virtual or hybrid"
UNIT = "%"
DIRECTION = Direction.HIGHER_IS_BETTER
DESCRIPTION = (
    "Computed by the product from the group's confirmed meetings of each year: virtual and "
    "hybrid meetings spare travel. Tentative and cancelled meetings do not count."
)


@dataclass(frozen=True)
class RemoteShare:
    """The computed indicator for some years: the counts behind it and its points."""

    years: list[MeetingFormatsOfYear]

    @property
    def points(self) -> list[Point]:
        return [
            Point(date(year.year, 1, 1), date(year.year, 12, 31), _percent(year.remote_share))
            for year in self.years
        ]

    @property
    def rows(self) -> list[tuple[MeetingFormatsOfYear, Point]]:
        return list(zip(self.years, self.points, strict=True))

    @property
    def change(self) -> Change | None:
        return change_of(self.points, DIRECTION)

    @property
    def summary(self) -> str:
        return summary(NAME, UNIT, self.points, DIRECTION, "no confirmed meeting yet")


def remote_share(first_year: int | None = None, last_year: int | None = None) -> RemoteShare:
    """The share for each year with a confirmed meeting, in one query."""
    return RemoteShare(meeting_formats_by_year(first_year, last_year))


def _percent(share: Decimal) -> Decimal:
    return (share * 100).quantize(Decimal("0.1"))
