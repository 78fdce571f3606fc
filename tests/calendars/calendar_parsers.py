"""Independent iCalendar parsers, each reduced to the same plain description of the events.

Every function takes a feed's bytes and returns :class:`ParsedEvent` values whose times are
resolved to UTC (``2021-09-01T12:00:00Z``) or, for all-day events, given as ISO dates
(``2022-01-24``). A time that a parser cannot place in a zone (a floating time) is an error,
so a feed whose VTIMEZONE a parser ignores or misreads cannot pass silently.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import recurring_ical_events
import vobject
import vobject.icalendar
from icalendar import Calendar

JS_TOOLS = Path(__file__).resolve().parent.parent / "js"
ICAL_JS_SCRIPT = JS_TOOLS / "parse_calendar.mjs"
ICAL_JS_PACKAGE = JS_TOOLS / "node_modules" / "ical.js"
LIBICAL_SCRIPT = Path(__file__).resolve().parent / "read_with_libical.py"
# libical's binding is Debian's (python3-gi, gir1.2-ical-3.0), for Debian's own Python.
SYSTEM_PYTHON = Path("/usr/bin/python3")
# ical.js reads a time whose TZID it does not know as floating, in the machine's own zone;
# a zone far from both Geneva and New York makes such a mistake visible.
NODE_LOCAL_ZONE = "Asia/Tokyo"


@dataclass(frozen=True)
class ParsedEvent:
    uid: str
    summary: str
    status: str
    sequence: int
    start: str
    end: str
    all_day: bool


Parser = Callable[[bytes], list[ParsedEvent]]


def _when(value: date | datetime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise AssertionError(f"floating time {value}: the parser found no zone for it")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _from_icalendar_component(event: Any, start: Any, end: Any) -> ParsedEvent:
    return ParsedEvent(
        uid=str(event["UID"]),
        summary=str(event["SUMMARY"]),
        status=str(event["STATUS"]),
        sequence=int(event["SEQUENCE"]),
        start=_when(start),
        end=_when(end),
        all_day=not isinstance(start, datetime),
    )


def with_icalendar(data: bytes) -> list[ParsedEvent]:
    """The ``icalendar`` library, which resolves a TZID by its name (zoneinfo)."""
    calendar = Calendar.from_ical(data)
    return [
        _from_icalendar_component(event, event.decoded("DTSTART"), event.decoded("DTEND"))
        for event in calendar.walk("VEVENT")
    ]


def with_feed_vtimezones(data: bytes) -> list[ParsedEvent]:
    """Wall times placed in zones built only from the feed's own VTIMEZONE components.

    The zone database is never asked: a missing, misnamed or wrong VTIMEZONE fails here.
    """
    calendar = Calendar.from_ical(data)
    zones = {
        str(zone["TZID"]): zone.to_tz(lookup_tzid=False) for zone in calendar.walk("VTIMEZONE")
    }

    def resolve(prop: Any) -> date | datetime:
        value = prop.dt
        if not isinstance(value, datetime):
            return value
        tzid = prop.params.get("TZID")
        if tzid is None:
            return value
        if tzid not in zones:
            raise AssertionError(f"TZID={tzid} has no VTIMEZONE in the feed")
        return value.replace(tzinfo=zones[tzid])

    return [
        _from_icalendar_component(event, resolve(event["DTSTART"]), resolve(event["DTEND"]))
        for event in calendar.walk("VEVENT")
    ]


@contextmanager
def _fresh_vobject_zones() -> Iterator[None]:
    """vobject keeps the first VTIMEZONE it saw for a TZID for the life of the process;
    give each parse an empty registry, as a calendar client opening one file would have."""
    registry: dict[str, Any] = vobject.icalendar.__tzidMap
    saved = dict(registry)
    registry.clear()
    registry["UTC"] = saved["UTC"]
    try:
        yield
    finally:
        registry.clear()
        registry.update(saved)


def with_vobject(data: bytes) -> list[ParsedEvent]:
    """``vobject``, which turns each VTIMEZONE into a ``dateutil`` zone."""
    with _fresh_vobject_zones():
        calendar = vobject.readOne(data.decode("utf-8"))
        events = []
        for event in calendar.vevent_list:
            start, end = event.dtstart.value, event.dtend.value
            _check_vobject_zone(calendar, _original_tzid(event.dtstart), start)
            events.append(
                ParsedEvent(
                    uid=event.uid.value,
                    summary=event.summary.value,
                    status=event.status.value,
                    sequence=int(event.sequence.value),
                    start=_when(start),
                    end=_when(end),
                    all_day=not isinstance(start, datetime),
                )
            )
    return events


def _original_tzid(prop: Any) -> str | None:
    """The TZID a date-time had in the file; vobject moves it aside when it reads the value."""
    kept = prop.params.get("X-VOBJ-ORIGINAL-TZID")
    while isinstance(kept, list):
        kept = kept[0] if kept else None
    return kept


def _check_vobject_zone(calendar: Any, tzid: str | None, start: datetime) -> None:
    """vobject falls back to pytz for a TZID without VTIMEZONE; insist on the feed's.

    vobject also declines to register a VTIMEZONE whose offsets equal UTC's from 2000 to
    2020 (``tzinfo_eq``) and then asks pytz; such a zone is left to the other parsers.
    """
    if tzid is None:
        return
    zones = {zone.tzid.value: zone for zone in calendar.contents.get("vtimezone", [])}
    if tzid not in zones:
        raise AssertionError(f"TZID={tzid} has no VTIMEZONE in the feed")
    if vobject.icalendar.tzinfo_eq(zones[tzid].gettzinfo(), vobject.icalendar.utc):
        return
    registered = vobject.icalendar.getTzid(tzid, False)
    if start.tzinfo is not registered or "pytz" in type(registered).__module__:
        raise AssertionError(f"vobject did not use the feed's VTIMEZONE for {tzid}")


def ical_js_missing() -> str | None:
    """Why ical.js cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not ICAL_JS_PACKAGE.is_dir():
        return f"ical.js is not installed: run `npm install` in {JS_TOOLS}"
    return None


def require_ical_js() -> None:
    _require(ical_js_missing(), "Mozilla's ical.js")


def _require(reason: str | None, parser: str) -> None:
    """Skip when ``parser`` cannot run, except in CI where its absence is a failure."""
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{parser} is required in CI: {reason}")
    pytest.skip(f"{parser} not run: {reason}")


def _document(command: list[str], data: bytes) -> dict[str, Any]:
    """The JSON a parser's script prints for ``data``, run in a zone far from the feeds'."""
    result = subprocess.run(
        command, input=data, capture_output=True, timeout=120, check=False,
        env={**os.environ, "TZ": NODE_LOCAL_ZONE},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return json.loads(result.stdout)


def ical_js_document(data: bytes) -> dict[str, Any]:
    """The JSON that tests/js/parse_calendar.mjs prints for ``data``."""
    require_ical_js()
    node = shutil.which("node")
    assert node is not None
    return _document([node, str(ICAL_JS_SCRIPT)], data)


def libical_missing() -> str | None:
    """Why libical's binding cannot run here, or None."""
    if not SYSTEM_PYTHON.exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c",
         "import gi; gi.require_version('ICalGLib', '3.0'); from gi.repository import ICalGLib"],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return "install Debian's python3-gi and gir1.2-ical-3.0"
    return None


def libical_document(data: bytes) -> dict[str, Any]:
    """The JSON that read_with_libical.py prints for ``data``: events and problems found."""
    _require(libical_missing(), "libical")
    return _document([str(SYSTEM_PYTHON), str(LIBICAL_SCRIPT)], data)


def with_libical(data: bytes) -> list[ParsedEvent]:
    """libical (Evolution's and GNOME Calendar's parser), through its GObject binding."""
    return _parsed(libical_document(data))


def with_ical_js(data: bytes) -> list[ParsedEvent]:
    """Mozilla's ical.js (Thunderbird's parser), in node."""
    return _parsed(ical_js_document(data))


def _parsed(document: dict[str, Any]) -> list[ParsedEvent]:
    return [
        ParsedEvent(
            uid=event["uid"],
            summary=event["summary"],
            status=event["status"],
            sequence=int(event["sequence"]),
            start=event["start"],
            end=event["end"],
            all_day=bool(event["allDay"]),
        )
        for event in document["events"]
    ]


def between(data: bytes, start: date, end: date) -> list[ParsedEvent]:
    """``recurring_ical_events``: the events that take place between ``start`` and ``end``."""
    calendar = Calendar.from_ical(data)
    return [
        _from_icalendar_component(event, event.decoded("DTSTART"), event.decoded("DTEND"))
        for event in recurring_ical_events.of(calendar).between(start, end)
    ]


def with_recurring_ical_events(data: bytes) -> list[ParsedEvent]:
    return between(data, date(1970, 1, 1), date(2100, 1, 1))


PARSERS: dict[str, Parser] = {
    "icalendar": with_icalendar,
    "feed-vtimezones": with_feed_vtimezones,
    "vobject": with_vobject,
    "ical.js": with_ical_js,
    "recurring-ical-events": with_recurring_ical_events,
    "libical": with_libical,
}
