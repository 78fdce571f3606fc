"""The IANA time zones offered to people, and their check."""

from functools import cache
from zoneinfo import available_timezones


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone name known here, sorted; legacy aliases without a slash left out."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def is_known_time_zone(name: str) -> bool:
    return name in time_zone_names()
