"""How VTIMEZONE components are written: yearly rules, single observances, onsets, spans."""

from __future__ import annotations

from datetime import timedelta

import pytest
from icalendar import Timezone

from iscg_module.calendars.time_zone_definitions import vtimezone, year_spans
from tests.calendars.test_zones_across_years import ZONES

YEARS = range(2000, 2061)


def observances(zone: Timezone) -> list[Timezone]:
    return [part for part in zone.subcomponents if part.name in ("STANDARD", "DAYLIGHT")]


def lines_of(zone: Timezone) -> list[str]:
    return zone.to_ical().decode().splitlines()


def test_a_stable_rule_is_one_yearly_rrule_with_the_onset_before_the_change():
    zurich = lines_of(vtimezone("Europe/Zurich", range(2020, 2027)))
    daylight = zurich.index("BEGIN:DAYLIGHT")
    standard = zurich.index("BEGIN:STANDARD", daylight)
    assert zurich[daylight + 1] == "DTSTART:20190331T020000"  # 02:00 CET, before the change
    assert zurich[daylight + 2] == "RRULE:FREQ=YEARLY;UNTIL=20270329T010000Z;BYDAY=-1SU;BYMONTH=3"
    assert zurich[standard + 1] == "DTSTART:20191027T030000"  # 03:00 CEST, before the change
    assert zurich[standard + 2].endswith(";BYDAY=-1SU;BYMONTH=10")


def test_the_united_states_rule_is_the_second_sunday_of_march():
    lines = lines_of(vtimezone("America/New_York", range(2010, 2020)))
    assert "RRULE:FREQ=YEARLY;UNTIL=20200309T070000Z;BYDAY=2SU;BYMONTH=3" in lines


def test_a_weekday_on_or_after_a_date_is_a_window_of_seven_days():
    """Israel changes on the Friday on or after 23 March, neither an nth nor a last Friday."""
    parts = observances(vtimezone("Asia/Jerusalem", range(2014, 2024)))
    [march] = [part["RRULE"] for part in parts if part.get("RRULE", {}).get("BYMONTH") == [3]]
    assert march["BYDAY"] == "FR"
    assert march["BYMONTHDAY"] == [23, 24, 25, 26, 27, 28, 29]


@pytest.mark.parametrize("zone_name", ZONES)
def test_no_zone_has_a_list_of_dates_that_readers_cut_to_its_first(zone_name):
    zone = vtimezone(zone_name, YEARS)
    for part in observances(zone):
        assert "RDATE" not in part
        assert "," not in part.to_ical().decode().split("BYMONTHDAY=")[0]


def test_a_zone_that_never_changes_has_one_observance_per_span():
    kolkata = vtimezone("Asia/Kolkata", [2021])
    [standard] = observances(kolkata)
    assert str(standard["TZNAME"]) == "IST"
    assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == timedelta(hours=5.5)


def test_sao_paulo_has_no_daylight_time_after_2019():
    parts = observances(vtimezone("America/Sao_Paulo", range(2021, 2030)))
    assert [part.name for part in parts] == ["STANDARD"]
    assert parts[0]["TZOFFSETTO"].td == timedelta(hours=-3)


def test_thirty_minute_shifts_keep_their_offsets():
    lord_howe = vtimezone("Australia/Lord_Howe", range(2020, 2023))
    offsets = {(p["TZOFFSETFROM"].td, p["TZOFFSETTO"].td) for p in observances(lord_howe)}
    assert (timedelta(hours=10.5), timedelta(hours=11)) in offsets
    assert (timedelta(hours=11), timedelta(hours=10.5)) in offsets


def test_the_years_from_the_first_meeting_to_the_last_are_described():
    assert year_spans([2021]) == [(2020, 2022)]
    assert year_spans([2021, 2022, 2024, 2040]) == [(2020, 2041)]
    assert year_spans([2003, 2047]) == [(2002, 2048)]


def test_years_a_century_apart_are_described_apart():
    assert year_spans([2021, 2200]) == [(2020, 2022), (2199, 2201)]
    assert year_spans([1, 9999]) == [(1, 2), (9998, 9999)]
    far_apart = vtimezone("Asia/Kolkata", [2021, 2200])
    starts = [part["DTSTART"].dt for part in observances(far_apart)]
    assert [start.year for start in starts] == [2020, 2199]


@pytest.mark.parametrize("years", [[1], [9999], [1, 9999]])
@pytest.mark.parametrize("zone_name", ["Asia/Tokyo", "Pacific/Kiritimati", "America/Adak"])
def test_the_first_and_last_years_a_date_can_have_are_described(zone_name, years):
    assert observances(vtimezone(zone_name, years))
