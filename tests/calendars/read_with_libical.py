"""Reads an iCalendar document from standard input with libical, through its GObject binding.

Run by Debian's own Python (``/usr/bin/python3`` with ``python3-gi`` and
``gir1.2-ical-3.0``), not the project's, and prints the events as JSON with times resolved
to UTC. Each TZID is placed with a zone built from the document's own VTIMEZONE, never
libical's built-in zones, so a wrong VTIMEZONE shows. ``problems`` lists what libical
found wrong while parsing and against the iTIP rules of the calendar's METHOD (RFC 5546).
"""

import json
import sys
from datetime import UTC, datetime

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

Kind = ICalGLib.ComponentKind
PropertyKind = ICalGLib.PropertyKind


def children(component, kind):
    child = component.get_first_component(kind)
    while child is not None:
        yield child
        child = component.get_next_component(kind)


def feed_zones(calendar):
    zones = {}
    for definition in children(calendar, Kind.VTIMEZONE_COMPONENT):
        zone = ICalGLib.Timezone.new()
        if not zone.set_component(definition.clone()):
            raise SystemExit("libical refused a VTIMEZONE")
        zones[zone.get_tzid()] = zone
    return zones


def when(event, kind, zones):
    prop = event.get_first_property(kind)
    value = _time_of(prop, kind)
    if value.is_date():
        return f"{value.get_year():04d}-{value.get_month():02d}-{value.get_day():02d}", True
    tzid = prop.get_parameter_as_string("TZID")
    if tzid is not None:
        if tzid not in zones:
            raise SystemExit(f"TZID={tzid} has no VTIMEZONE in the document")
        value.set_timezone(zones[tzid])
    elif not value.is_utc():
        raise SystemExit(f"floating time in {event.get_uid()}")
    seconds = value.as_timet_with_zone(value.get_timezone())
    instant = datetime.fromtimestamp(seconds, UTC)
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ"), False


def _time_of(prop, kind):
    if kind == PropertyKind.DTSTART_PROPERTY:
        return prop.get_dtstart()
    return prop.get_dtend()


def problems(calendar):
    """libical's X-LIC-ERROR notes, from parsing and from its iTIP restriction check."""
    ICalGLib.restriction_check(calendar)
    found = []
    for component in [calendar, *children(calendar, Kind.ANY_COMPONENT)]:
        error = component.get_first_property(PropertyKind.XLICERROR_PROPERTY)
        while error is not None:
            found.append(error.get_value_as_string())
            error = component.get_next_property(PropertyKind.XLICERROR_PROPERTY)
    return found


def main():
    calendar = ICalGLib.Component.new_from_string(sys.stdin.read())
    if calendar is None:
        raise SystemExit("libical could not parse the document")
    zones = feed_zones(calendar)
    events = []
    for event in children(calendar, Kind.VEVENT_COMPONENT):
        start, all_day = when(event, PropertyKind.DTSTART_PROPERTY, zones)
        end, _ = when(event, PropertyKind.DTEND_PROPERTY, zones)
        status = event.get_first_property(PropertyKind.STATUS_PROPERTY)
        events.append({
            "uid": event.get_uid(), "summary": event.get_summary(),
            "status": status.get_value_as_string(), "sequence": event.get_sequence(),
            "start": start, "end": end, "allDay": all_day,
        })  # fmt: skip
    json.dump({"events": events, "problems": problems(calendar)}, sys.stdout)


main()
