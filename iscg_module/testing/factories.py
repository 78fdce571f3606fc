"""Meetings for tests, made through the product's own operations with sensible defaults."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from iscg_module.database.utc_datetime import utc_now
from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import DateWindow, ExactTimes, MeetingDetails
from iscg_module.users.models import User

GENEVA = ZoneInfo("Europe/Zurich")


def next_week_at(hour: int = 14, days: int = 7) -> datetime:
    """A Geneva wall-clock time some days from now."""
    day = (utc_now() + timedelta(days=days)).astimezone(GENEVA).date()
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=GENEVA)


def meeting_details(**changes: object) -> MeetingDetails:
    starts = next_week_at()
    values: dict[str, object] = {
        "title": "ISCG meeting",
        "description": "Coordination of **mutual interest** topics.",
        "timezone": "Europe/Zurich",
        "schedule": ExactTimes(starts, starts + timedelta(hours=2)),
        "format": MeetingFormat.VIRTUAL,
        "platform": "Zoom",
        "join_url": "https://zoom.example.org/j/123456",
        "venue": None,
    }
    values.update(changes)
    return MeetingDetails(**values)  # type: ignore[arg-type]


def make_meeting(
    status: MeetingStatus = MeetingStatus.CONFIRMED, actor: User | None = None, **changes: object
) -> Meeting:
    return operations.schedule_meeting(actor, meeting_details(**changes), status=status)


def make_tentative_window(earliest: date, latest: date, **changes: object) -> Meeting:
    return make_meeting(MeetingStatus.TENTATIVE, schedule=DateWindow(earliest, latest), **changes)


def at(year: int, month: int, day: int, hour: int, zone: str = "Europe/Zurich") -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=ZoneInfo(zone))


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
