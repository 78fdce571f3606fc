"""How times are written on pages: in the meeting's zone, with the zone's abbreviation."""

from __future__ import annotations

from datetime import UTC, date, datetime

from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import DateWindow, ExactTimes, is_repeated, zone_label


def format_moment(moment: datetime) -> str:
    """E.g. 'Wednesday 1 September 2021, 14:00 CEST'."""
    return f"{moment:%A} {moment.day} {moment:%B %Y, %H:%M %Z}"


def format_utc(moment: datetime) -> str:
    """E.g. '24 November 2026, 03:10 UTC' (for records, not meetings)."""
    utc_moment = moment.astimezone(UTC)
    return f"{utc_moment.day} {utc_moment:%B %Y, %H:%M} UTC"


def format_day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def meeting_when(meeting: Meeting) -> str:
    """The meeting's time in its own zone, or its window, in words."""
    match meeting.schedule:
        case DateWindow(earliest, latest):
            return (
                f"Tentatively between {format_day(earliest)} and {format_day(latest)} "
                "(date to be confirmed)"
            )
        case ExactTimes(start, end):
            return _span_words(start, end)


def _span_words(start: datetime, end: datetime) -> str:
    if start.date() == end.date():
        return f"{format_day(start.date())}, {_start_clock(start, end)}–{_clock(end)}"
    return f"{format_day(start.date())}, {_clock(start)} – {format_day(end.date())}, {_clock(end)}"


def _clock(moment: datetime) -> str:
    """'14:00 CEST'; a time that happens twice that night gets its offset too, to say which."""
    if is_repeated(moment):
        return f"{moment:%H:%M} ({zone_label(moment)})"
    return f"{moment:%H:%M %Z}"


def _start_clock(start: datetime, end: datetime) -> str:
    """The start of a one-day span names its zone only if the clocks change before the end."""
    if is_repeated(start) or start.utcoffset() != end.utcoffset():
        return f"{start:%H:%M} ({zone_label(start)})"
    return f"{start:%H:%M}"
