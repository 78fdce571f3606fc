"""Wall-clock times in a zone: times that do not exist, times that happen twice, their labels."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from iscg_module.meetings.schedule import (
    AmbiguousLocalTime,
    NonexistentLocalTime,
    Occurrence,
    is_repeated,
    localize,
    repeated_time,
    zone_label,
)
from tests.meetings.clocks_going_back import FALL_BACKS, first_fall_back, utc_offset

ZURICH = ZoneInfo("Europe/Zurich")


def test_zurich_half_past_two_on_the_last_night_of_october_needs_a_choice():
    with pytest.raises(AmbiguousLocalTime) as refused:
        localize(datetime(2021, 10, 31, 2, 30), ZURICH)
    assert str(refused.value) == (
        "02:30 on 31 October 2021 happens twice in Europe/Zurich: "
        "the clocks go back that night. Choose which one."
    )
    repeated = refused.value.repeated
    assert repeated.label(Occurrence.EARLIER) == (
        "The first, before the clocks go back (CEST, UTC+02:00)"
    )
    assert repeated.label(Occurrence.LATER) == "The second, after (CET, UTC+01:00)"


@pytest.mark.parametrize(("zone", "year"), FALL_BACKS)
def test_each_choice_gives_its_own_instant(zone, year):
    night = first_fall_back(zone, year)
    zone_info = ZoneInfo(zone)
    earlier = localize(night.wall_time, zone_info, Occurrence.EARLIER)
    later = localize(night.wall_time, zone_info, Occurrence.LATER)
    assert earlier.astimezone(UTC) == night.earlier
    assert later.astimezone(UTC) == night.later
    with pytest.raises(AmbiguousLocalTime):
        localize(night.wall_time, zone_info)


@pytest.mark.parametrize(("zone", "year"), FALL_BACKS)
def test_the_choices_name_the_offsets_before_and_after(zone, year):
    night = first_fall_back(zone, year)
    repeated = repeated_time(night.wall_time, ZoneInfo(zone))
    assert repeated is not None
    assert f"{utc_offset(night.before)})" in repeated.label(Occurrence.EARLIER)
    assert f"{utc_offset(night.after)})" in repeated.label(Occurrence.LATER)
    assert is_repeated(repeated.earlier) and is_repeated(repeated.later)


@pytest.mark.parametrize(
    "naive",
    [datetime(2021, 10, 31, 1, 59), datetime(2021, 10, 31, 3, 0), datetime(2021, 7, 1, 2, 30)],
)
def test_a_time_that_happens_once_needs_no_choice_and_ignores_one(naive):
    assert repeated_time(naive, ZURICH) is None
    once = localize(naive, ZURICH)
    assert localize(naive, ZURICH, Occurrence.LATER) == once
    assert once.astimezone(UTC).astimezone(ZURICH).replace(tzinfo=None) == naive


def test_a_time_in_the_gap_is_not_repeated_and_is_refused_whatever_the_choice():
    gap = datetime(2021, 3, 28, 2, 30)
    assert repeated_time(gap, ZURICH) is None
    for occurrence in (None, Occurrence.EARLIER, Occurrence.LATER):
        with pytest.raises(NonexistentLocalTime):
            localize(gap, ZURICH, occurrence)


@pytest.mark.parametrize(
    ("zone", "moment", "label"),
    [
        ("Europe/Zurich", datetime(2021, 1, 15, 9), "CET, UTC+01:00"),
        ("America/New_York", datetime(2021, 7, 1, 9), "EDT, UTC-04:00"),
        ("Australia/Lord_Howe", datetime(2021, 7, 1, 9), "UTC+10:30"),
        ("America/Sao_Paulo", datetime(2018, 1, 15, 9), "UTC-02:00"),
        ("Asia/Kolkata", datetime(2021, 1, 15, 9), "IST, UTC+05:30"),
        ("UTC", datetime(2021, 1, 15, 9), "UTC+00:00"),
        ("Europe/Zurich", datetime(1850, 1, 1, 9), "LMT, UTC+00:34:08"),
    ],
)
def test_zone_labels_show_a_numeric_abbreviation_as_its_offset_only(zone, moment, label):
    assert zone_label(moment.replace(tzinfo=ZoneInfo(zone))) == label


def test_a_moment_without_an_iana_zone_is_never_repeated():
    assert not is_repeated(datetime(2021, 10, 31, 2, 30, tzinfo=UTC))
