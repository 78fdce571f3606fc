"""Times go in aware and come out aware in UTC, on both engines."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import make_meeting, utc


def test_aware_times_round_trip_as_utc(app):
    tokyo = ZoneInfo("Asia/Tokyo")
    meeting = make_meeting(
        timezone="Asia/Tokyo",
        schedule=ExactTimes(datetime(2031, 5, 1, 9, tzinfo=tokyo),
                            datetime(2031, 5, 1, 10, tzinfo=tokyo)),
    )  # fmt: skip
    db.session.expire_all()
    stored = db.session.get(Meeting, meeting.id)
    assert stored.starts_at == utc(2031, 5, 1, 0)
    assert stored.starts_at.utcoffset().total_seconds() == 0


def test_naive_times_are_refused(app):
    meeting = make_meeting()
    meeting.updated_at = datetime(2031, 1, 1, 12)
    with pytest.raises(Exception, match="naive datetimes cannot be stored"):
        db.session.commit()
    db.session.rollback()
