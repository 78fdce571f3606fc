"""Every zone's meetings read back at the same instants in every parser, for sixty years.

For each zone, one feed holds the meetings of 2000 to 2060: a winter and a summer one each
year, and one spanning every change of offset (starting 90 minutes before it, ending 90
minutes after). The changes are found here by scanning ``zoneinfo`` on its own, not by the
code that writes the feed's VTIMEZONE, and every start and end must read back, in every
parser, as the instant ``zoneinfo`` gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import make_meeting
from tests.calendars.calendar_parsers import PARSERS
from tests.calendars.helpers import fetch

YEARS = range(2000, 2061)
ZONES = (
    "Europe/Zurich",
    "America/New_York",
    "America/Sao_Paulo",  # daylight saving time abolished in 2019
    "Africa/Casablanca",  # suspended during Ramadan, on dates that move every year
    "Asia/Kolkata",  # never changes
    "Australia/Lord_Howe",  # a 30-minute shift
    "Pacific/Chatham",  # +12:45, changes at 02:45
    "Europe/Dublin",  # "negative" daylight saving time in the zone database
    "America/Santiago",  # rules changed several times since 2010
    "Asia/Tehran",  # fixed dates until 2022, none since
    "Asia/Jerusalem",  # "Friday on or after 23 March"
    "Africa/Cairo",  # abolished in 2011, back in 2023
    "America/St_Johns",  # -03:30
    "Antarctica/Troll",  # a two-hour shift
    "Pacific/Apia",  # crossed the date line at the end of 2011
)
TWO_HOURS = timedelta(hours=2)
AROUND_CHANGE = timedelta(minutes=90)


def changes_in(zone: ZoneInfo, year: int) -> Iterator[datetime]:
    """The UTC instants at which ``zone`` changes its offset in ``year``, to the minute."""
    day = datetime(year, 1, 1, tzinfo=UTC) - timedelta(days=1)
    while day.year <= year:
        following = day + timedelta(days=1)
        if day.astimezone(zone).utcoffset() != following.astimezone(zone).utcoffset():
            minute = day
            while minute.astimezone(zone).utcoffset() == day.astimezone(zone).utcoffset():
                minute += timedelta(minutes=1)
            if minute.year == year:
                yield minute
        day = following


def schedules(zone_name: str) -> list[ExactTimes]:
    zone = ZoneInfo(zone_name)
    found = []
    for year in YEARS:
        for month in (1, 7):
            starts = datetime(year, month, 15, 10, tzinfo=zone)
            found.append(ExactTimes(starts, starts + TWO_HOURS))
        for change in changes_in(zone, year):
            found.append(ExactTimes(
                (change - AROUND_CHANGE).astimezone(zone), (change + AROUND_CHANGE).astimezone(zone)
            ))  # fmt: skip
    return found


def instant(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def scheduled(zone_schedules: list[tuple[str, ExactTimes]]) -> dict[str, tuple[str, str]]:
    """Schedule the meetings; return title -> (start, end) as UTC instants."""
    expected = {}
    for number, (zone_name, schedule) in enumerate(zone_schedules):
        title = f"Meeting {number} in {zone_name}"
        make_meeting(title=title, timezone=zone_name, schedule=schedule)
        expected[title] = (instant(schedule.starts_at), instant(schedule.ends_at))
    return expected


def misread(feed: bytes, expected: dict[str, tuple[str, str]]) -> dict[str, list[object]]:
    """For each parser that reads any meeting wrong: how many, and the first few."""
    wrong_by_parser = {}
    for parser_name, parser in PARSERS.items():
        read = {event.summary: (event.start, event.end) for event in parser(feed)}
        wrong = [(title, read.get(title), times) for title, times in expected.items()
                 if read.get(title) != times]  # fmt: skip
        if wrong:
            wrong_by_parser[parser_name] = [len(wrong), *wrong[:3]]
    return wrong_by_parser


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("zone_name", ZONES)
def test_every_parser_reads_every_meeting_at_the_instant_zoneinfo_gives(client, zone_name):
    expected = scheduled([(zone_name, schedule) for schedule in schedules(zone_name)])
    assert len(expected) >= 2 * len(YEARS)
    assert misread(fetch(client).data, expected) == {}


@pytest.mark.slow
def test_zones_and_years_far_apart_share_one_feed(client):
    """Several zones in one feed, each described for two years four decades apart only."""
    far_apart = [
        (zone_name, schedule)
        for zone_name in ZONES
        for schedule in schedules(zone_name)
        if schedule.starts_at.year in (2003, 2047)
    ]
    expected = scheduled(far_apart)
    feed = fetch(client).data
    assert misread(feed, expected) == {}
    assert feed.count(b"BEGIN:VTIMEZONE") == len(ZONES)


def test_the_scan_finds_the_changes_of_a_known_year():
    zurich = [instant(change) for change in changes_in(ZoneInfo("Europe/Zurich"), 2021)]
    assert zurich == ["2021-03-28T01:00:00Z", "2021-10-31T01:00:00Z"]
    assert list(changes_in(ZoneInfo("Asia/Kolkata"), 2021)) == []
    assert [instant(c) for c in changes_in(ZoneInfo("America/Sao_Paulo"), 2019)] == [
        "2019-02-17T02:00:00Z"
    ]
