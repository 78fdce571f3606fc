"""The dates the group's records can hold: 2000 to 2100, so that a typo such as 1821, 20211
or 9999 is refused by name instead of reaching calendars that cannot show it."""

from __future__ import annotations

from datetime import date, datetime

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
RANGE_MESSAGE = f"Give a date between {EARLIEST.year} and {LATEST.year}."


def is_plausible(day: date | datetime) -> bool:
    """Whether ``day`` (a date, or the date of a date and time) lies in the range."""
    if isinstance(day, datetime):
        day = day.date()
    return EARLIEST <= day <= LATEST
