"""How the group meets, year by year: virtual, hybrid or in the room.

Plugins read it through the plugin API (the climate theme's share of meetings held virtual
or hybrid). Only confirmed meetings count: a tentative one may never take place and a
cancelled one did not. A meeting's year is that of its start in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus


@dataclass(frozen=True)
class MeetingFormatsOfYear:
    year: int
    virtual: int
    hybrid: int
    physical: int

    @property
    def total(self) -> int:
        return self.virtual + self.hybrid + self.physical

    @property
    def remote_share(self) -> Decimal:
        """The share of the year's meetings held virtual or hybrid, from 0 to 1."""
        return Decimal(self.virtual + self.hybrid) / Decimal(self.total)


def meeting_formats_by_year(
    first_year: int | None = None, last_year: int | None = None
) -> list[MeetingFormatsOfYear]:
    """The confirmed meetings of each year by format, oldest year first, in one query."""
    year = func.extract("year", Meeting.sort_starts_at)
    query = select(year, Meeting.format, func.count()).where(
        Meeting.status == MeetingStatus.CONFIRMED
    )
    if first_year is not None:
        query = query.where(year >= first_year)
    if last_year is not None:
        query = query.where(year <= last_year)
    counts: dict[int, dict[MeetingFormat, int]] = {}
    for meeting_year, meeting_format, count in db.session.execute(
        query.group_by(year, Meeting.format)
    ):
        counts.setdefault(int(meeting_year), {})[MeetingFormat(meeting_format)] = count
    return [
        MeetingFormatsOfYear(
            meeting_year,
            by_format.get(MeetingFormat.VIRTUAL, 0),
            by_format.get(MeetingFormat.HYBRID, 0),
            by_format.get(MeetingFormat.PHYSICAL, 0),
        )
        for meeting_year, by_format in sorted(counts.items())
    ]
