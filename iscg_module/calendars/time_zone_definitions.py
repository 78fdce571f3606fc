"""VTIMEZONE components built from the zone database, written the way every client reads them.

A zone's changes of offset are found in ``zoneinfo`` and written as RFC 5545 observances:

- a change that recurs on the same rule for three years or more ("last Sunday of March at
  02:00") becomes one observance with a yearly ``RRULE`` ending at its last occurrence;
- any other change gets an observance of its own, with a single ``DTSTART``.

Comma-separated ``RDATE`` lists are never written: Mozilla's ical.js and vobject read only
their first value. Each onset is the wall time *before* the change, as in RFC 5545's
examples (3.6.5): clocks going forward at 02:00 start the daylight observance at 02:00.

Only the years a feed needs are described: from the year before its first meeting to the
year after its last. Years more than a century apart (a meeting mistyped as 9999) are
described as separate spans, so such a feed stays small; each span opens with the offset
then in effect, so nothing depends on how a client extends a rule. Spans are otherwise
kept whole because some readers judge a zone by the years in between: vobject takes a zone
whose offsets equal UTC's from 2000 to 2020 for UTC itself.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

# Zones change their offset at most a few times a year, never twice within a day.
SCAN_STEP = timedelta(days=1)
# Years further apart than this are described as separate spans.
SPAN_GAP_YEARS = 100
# A rule seen this many years in a row is written as a yearly RRULE.
RULE_MIN_YEARS = 3
# A rule's UNTIL (in UTC, RFC 5545 3.8.5.3) is put a day after its last onset: any instant
# before the next occurrence ends it as well, and readers that compare UNTIL with the local
# onset as if both were wall times (icalendar's to_tz) then keep the last one too.
UNTIL_MARGIN = timedelta(days=1)
# The last instant every zone can still show as a local time.
LAST_INSTANT = datetime(MAXYEAR, 12, 30, tzinfo=UTC)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Observance:
    """One change of offset, at ``onset`` wall time in the offset before it."""

    onset: datetime
    offset_from: timedelta
    offset_to: timedelta
    daylight: bool
    name: str

    @property
    def instant(self) -> datetime:
        return (self.onset - self.offset_from).replace(tzinfo=UTC)

    @property
    def shape(self) -> tuple[object, ...]:
        """What must stay equal for changes of several years to share one rule."""
        return (self.offset_from, self.offset_to, self.daylight, self.name, self.onset.month,
                self.onset.time())  # fmt: skip


def vtimezone(tzid: str, years: Iterable[int]) -> Timezone:
    """The VTIMEZONE of ``tzid`` covering every year in ``years``."""
    return _vtimezone(tzid, frozenset(years))


@lru_cache(maxsize=256)
def _vtimezone(tzid: str, years: frozenset[int]) -> Timezone:
    zone = ZoneInfo(tzid)
    component = Timezone()
    component.add("tzid", tzid)
    for first, last in year_spans(years):
        for observance_component in _span_components(zone, first, last):
            component.add_component(observance_component)
    return component


def year_spans(years: Iterable[int]) -> list[tuple[int, int]]:
    """Each year with its neighbours, joined to the previous span unless a century away."""
    spans: list[tuple[int, int]] = []
    for year in sorted(set(years)):
        first, last = max(MINYEAR, year - 1), min(MAXYEAR, year + 1)
        if spans and first <= spans[-1][1] + SPAN_GAP_YEARS:
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    return spans


def _span_components(zone: ZoneInfo, first: int, last: int) -> Iterator[Timezone]:
    start = _utc_start(zone, first)
    end = datetime(last + 1, 1, 1, tzinfo=UTC) if last < MAXYEAR else LAST_INSTANT
    changes = list(changes_between(zone, start, end))
    if not changes or changes[0].instant > start:
        yield _single(_in_effect(zone, start))
    yield from _written(changes)


def _utc_start(zone: ZoneInfo, year: int) -> datetime:
    """Local midnight of 1 January, as a UTC instant, kept inside datetime's range."""
    if year == MINYEAR:
        return datetime(MINYEAR, 1, 2, tzinfo=UTC)
    return datetime(year, 1, 1, tzinfo=zone).astimezone(UTC)


def _in_effect(zone: ZoneInfo, instant: datetime) -> Observance:
    """The offset already in effect at ``instant``, as an observance that changes nothing."""
    local = instant.astimezone(zone)
    offset = _offset(local)
    return Observance(local.replace(tzinfo=None), offset, offset, _is_daylight(local),
                      local.tzname() or "")  # fmt: skip


def changes_between(zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[Observance]:
    """Every change of offset, daylight flag or name of ``zone`` in [start, end)."""
    before = start
    state = _state(zone, before)
    while before < end:
        after = min(before + SCAN_STEP, end)
        if _state(zone, after) != state:
            instant = _first_change(zone, before, after, state)
            yield _observance(zone, instant)
            before, state = instant, _state(zone, instant)
        else:
            before = after


def _state(zone: ZoneInfo, instant: datetime) -> tuple[timedelta, bool, str | None]:
    local = instant.astimezone(zone)
    return _offset(local), _is_daylight(local), local.tzname()


def _first_change(zone: ZoneInfo, before: datetime, after: datetime, state: object) -> datetime:
    """The first second after ``before`` whose state differs (bisection)."""
    low, high = before, after
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if _state(zone, middle) == state:
            low = middle
        else:
            high = middle
    return high


def _observance(zone: ZoneInfo, instant: datetime) -> Observance:
    earlier, now = (instant - timedelta(seconds=1)).astimezone(zone), instant.astimezone(zone)
    offset_from = _offset(earlier)
    onset = (instant + offset_from).replace(tzinfo=None)
    return Observance(onset, offset_from, _offset(now), _is_daylight(now), now.tzname() or "")


def _offset(local: datetime) -> timedelta:
    offset = local.utcoffset()
    assert offset is not None
    return offset


def _is_daylight(local: datetime) -> bool:
    return bool(local.dst())


def _written(changes: list[Observance]) -> Iterator[Timezone]:
    """Changes grouped into yearly rules where they recur, single observances elsewhere."""
    pending = list(changes)
    while pending:
        run, rule = _longest_rule(pending)
        if len(run) >= RULE_MIN_YEARS:
            yield _recurring(run, rule)
        else:
            run = pending[:1]
            yield _single(run[0])
        pending = [change for change in pending if change not in run]


def _longest_rule(changes: list[Observance]) -> tuple[list[Observance], dict[str, object]]:
    """The longest yearly run starting with the first change, and the rule all of it obeys."""
    first = changes[0]
    run = [first]
    rules = _rules_for(first.onset.date())
    for change in changes[1:]:
        if change.shape != first.shape:
            continue
        if change.onset.year != run[-1].onset.year + 1:
            break
        shared = [rule for rule in rules if rule in _rules_for(change.onset.date())]
        if not shared:
            break
        run.append(change)
        rules = shared
    return run, rules[0] if rules else {}


def _rules_for(day: date) -> list[dict[str, object]]:
    """The yearly rules that ``day`` satisfies, the way producers prefer to write them."""
    weekday = WEEKDAYS[day.weekday()]
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    rules: list[dict[str, object]] = []
    if day.day + 7 > days_in_month:
        rules.append({"byday": f"-1{weekday}"})
    if day.day <= 28:
        rules.append({"byday": f"{(day.day - 1) // 7 + 1}{weekday}"})
    shortest_month = 28 if day.month == 2 else calendar.monthrange(2001, day.month)[1]
    for first_day in range(max(1, day.day - 6), day.day + 1):
        if first_day + 6 <= shortest_month:
            days = list(range(first_day, first_day + 7))
            rules.append({"byday": weekday, "bymonthday": days})
    if not (day.month == 2 and day.day == 29):
        rules.append({"bymonthday": day.day})
    return rules


def _recurring(run: list[Observance], rule: dict[str, object]) -> Timezone:
    component = _single(run[0])
    recur = vRecur(freq="YEARLY", bymonth=run[0].onset.month, until=run[-1].instant + UNTIL_MARGIN)
    recur.update(rule)
    component.add("rrule", recur)
    return component


def _single(change: Observance) -> Timezone:
    component = TimezoneDaylight() if change.daylight else TimezoneStandard()
    component.add("dtstart", change.onset)
    component.add("tzoffsetfrom", change.offset_from)
    component.add("tzoffsetto", change.offset_to)
    if change.name:
        component.add("tzname", change.name)
    return component
