"""When a meeting takes place: exact times, or a window of dates while it is tentative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from iscg_module.meetings.kinds import MeetingFormat


@dataclass(frozen=True)
class ExactTimes:
    """Start and end, aware; if a wall-clock time happens twice, its ``fold`` says which."""

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


class Occurrence(StrEnum):
    """Which of the two moments a repeated wall-clock time names (PEP 495's fold 0 or 1)."""

    EARLIER = "earlier"
    LATER = "later"


def zone_label(moment: datetime) -> str:
    """E.g. 'CEST, UTC+02:00'; where the abbreviation is only a number ('+1030'), 'UTC+10:30'."""
    offset = _offset_text(moment.utcoffset() or timedelta(0))
    name = moment.tzname() or ""
    if not name or name[0] in "+-" or name.isdigit() or name == "UTC":
        return offset
    return f"{name}, {offset}"


def _offset_text(offset: timedelta) -> str:
    """'UTC+05:30', 'UTC-03:00'; seconds only for the odd historical offset that has them."""
    sign = "-" if offset < timedelta(0) else "+"
    minutes, seconds = divmod(int(abs(offset).total_seconds()), 60)
    text = f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return f"{text}:{seconds:02d}" if seconds else text


@dataclass(frozen=True)
class RepeatedTime:
    """A wall-clock time that happens twice in its zone because the clocks go back."""

    earlier: datetime
    later: datetime

    def at(self, occurrence: Occurrence) -> datetime:
        return self.earlier if occurrence is Occurrence.EARLIER else self.later

    @property
    def explanation(self) -> str:
        moment = self.earlier
        return (
            f"{moment:%H:%M} on {moment.day} {moment:%B %Y} happens twice in {moment.tzinfo}: "
            "the clocks go back that night."
        )

    def label(self, occurrence: Occurrence) -> str:
        """How the choice of ``occurrence`` is offered to the person."""
        if occurrence is Occurrence.EARLIER:
            return f"The first, before the clocks go back ({zone_label(self.earlier)})"
        return f"The second, after ({zone_label(self.later)})"


class NonexistentLocalTime(ValueError):
    """The wall-clock time falls in the gap when clocks go forward."""


class AmbiguousLocalTime(ValueError):
    """The wall-clock time happens twice and nobody said which occurrence is meant."""

    def __init__(self, repeated: RepeatedTime):
        super().__init__(f"{repeated.explanation} Choose which one.")
        self.repeated = repeated


def repeated_time(naive: datetime, zone: ZoneInfo) -> RepeatedTime | None:
    """Both occurrences of ``naive`` in ``zone`` if it happens twice there, else None.

    It happens twice when both folds exist (round-trip through UTC) yet differ in offset;
    a time in the gap also differs between folds, but neither fold exists.
    """
    earlier, later = naive.replace(tzinfo=zone, fold=0), naive.replace(tzinfo=zone, fold=1)
    if earlier.utcoffset() == later.utcoffset() or not _exists(earlier):
        return None
    return RepeatedTime(earlier, later)


def is_repeated(moment: datetime) -> bool:
    """Whether the wall-clock time of the aware ``moment`` happens twice in its zone."""
    zone = moment.tzinfo
    if not isinstance(zone, ZoneInfo):
        return False
    return repeated_time(moment.replace(tzinfo=None), zone) is not None


def localize(naive: datetime, zone: ZoneInfo, occurrence: Occurrence | None = None) -> datetime:
    """Attach ``zone`` to a wall-clock time, refusing times that do not exist there.

    A time that happens twice needs ``occurrence``; without it, AmbiguousLocalTime.
    """
    aware = naive.replace(tzinfo=zone, fold=0)
    if not _exists(aware):
        raise NonexistentLocalTime(
            f"{naive:%H:%M} does not exist on {naive:%d %B %Y} in {zone.key}: "
            "the clocks go forward that night."
        )
    repeated = repeated_time(naive, zone)
    if repeated is None:
        return aware
    if occurrence is None:
        raise AmbiguousLocalTime(repeated)
    return repeated.at(occurrence)


def _exists(aware: datetime) -> bool:
    round_trip = aware.astimezone(UTC).astimezone(aware.tzinfo)
    return round_trip.replace(tzinfo=None) == aware.replace(tzinfo=None)
