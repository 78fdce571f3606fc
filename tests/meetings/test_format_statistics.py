"""How the group meets year by year, as plugins read it through the API."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting, MeetingFormat
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.platform.api import meeting_formats_by_year
from iscg_module.testing.factories import at, make_meeting, make_tentative_window


def _meeting(year: int, meeting_format: MeetingFormat) -> Meeting:
    starts = at(year, 9, 1, 14)
    return make_meeting(
        schedule=ExactTimes(starts, starts + timedelta(hours=2)),
        format=meeting_format,
        venue="Geneva" if meeting_format != MeetingFormat.VIRTUAL else None,
    )


def test_confirmed_meetings_are_counted_by_year_and_format(app):
    _meeting(2019, MeetingFormat.PHYSICAL)
    _meeting(2019, MeetingFormat.PHYSICAL)
    _meeting(2019, MeetingFormat.HYBRID)
    _meeting(2021, MeetingFormat.VIRTUAL)
    operations.cancel_meeting(None, _meeting(2021, MeetingFormat.VIRTUAL))
    make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    years = meeting_formats_by_year()
    assert [(y.year, y.virtual, y.hybrid, y.physical) for y in years] == [
        (2019, 0, 1, 2),
        (2021, 1, 0, 0),
    ]
    assert years[0].remote_share == Decimal(1) / Decimal(3) and years[1].remote_share == 1
    assert [y.year for y in meeting_formats_by_year(2020, 2030)] == [2021]
