"""When a meeting takes place: exact times, or a window of dates while it is tentative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from iscg_module.meetings.models.meeting import MeetingFormat


@dataclass(frozen=True)
class ExactTimes:
    """Start and end, aware datetimes."""

    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class DateWindow:
    """The meeting will fall somewhere between these dates, both included."""

    earliest: date
    latest: date


Schedule = ExactTimes | DateWindow


@dataclass(frozen=True)
class MeetingDetails:
    """Everything an admin sets when scheduling or editing a meeting."""

    title: str
    description: str
    timezone: str
    schedule: Schedule
    format: MeetingFormat
    platform: str | None = None
    join_url: str | None = None
    venue: str | None = None


def span_in_utc(schedule: Schedule, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants the schedule covers; a window runs from midnight to midnight locally."""
    if isinstance(schedule, ExactTimes):
        return schedule.starts_at.astimezone(UTC), schedule.ends_at.astimezone(UTC)
    start = datetime.combine(schedule.earliest, time(0), tzinfo=zone)
    end = datetime.combine(schedule.latest + timedelta(days=1), time(0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


class NonexistentLocalTime(ValueError):
    """The wall-clock time falls in the gap when clocks go forward."""


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing times that do not exist there."""
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise NonexistentLocalTime(
            f"{naive:%H:%M} does not exist on {naive:%d %B %Y} in {zone.key}: "
            "the clocks go forward that night."
        )
    return aware
