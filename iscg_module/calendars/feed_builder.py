"""The one code path that turns meetings into iCalendar data (RFC 5545, with RFC 7986 names).

Every feed (public, personal, per theme, a single meeting) is built here; what differs
between them is the list of meetings and the audience, which decides whether join links
are included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, vCalAddress, vText, vUri

from iscg_module.calendars.time_zone_definitions import vtimezone
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import DateWindow, ExactTimes, is_repeated
from iscg_module.text.plain_text import first_forbidden, one_line, printable

PRODUCT_ID = "-//ISCG//iscg-module meetings//EN"
REFRESH_INTERVAL = timedelta(hours=1)
ORGANIZER_NAME = "ISCG Secretariat"
ICAL_STATUS = {
    MeetingStatus.TENTATIVE: "TENTATIVE",
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


@dataclass(frozen=True)
class FeedSpec:
    """What one feed is called and who it is for."""

    name: str
    description: str
    show_join_links: bool


MeetingUrl = Callable[[Meeting], str]


def build_calendar(
    meetings: Sequence[Meeting], spec: FeedSpec, meeting_url: MeetingUrl, organizer: str
) -> bytes:
    """Serialise ``meetings`` as one VCALENDAR, with a VTIMEZONE for every zone used.

    ``organizer`` is the secretariat's address: iTIP (RFC 5546) requires an ORGANIZER in
    every event of a ``METHOD:PUBLISH`` calendar.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar knows NAME and the X-WR- names as no type: escape them as SUMMARY is, and
    # write the names, as clients list them, on one line.
    for name in ("name", "x-wr-calname"):
        calendar.add(name, vText(one_line(spec.name)))
    for name in ("description", "x-wr-caldesc"):
        calendar.add(name, vText(printable(spec.description)))
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for timezone in _timezones_for(meetings):
        calendar.add_component(timezone)
    for meeting in meetings:
        calendar.add_component(_event(meeting, spec, meeting_url(meeting), organizer))
    return calendar.to_ical()


def _event(meeting: Meeting, spec: FeedSpec, url: str, organizer: str) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    # Without METHOD semantics of scheduling, DTSTAMP equals LAST-MODIFIED (RFC 5545, 3.8.7.2);
    # it keeps the feed's bytes stable while nothing changes.
    event.add("dtstamp", meeting.updated_at)
    event.add("created", meeting.created_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.sequence)
    event.add("summary", one_line(_summary(meeting)))
    event.add("status", ICAL_STATUS[meeting.status])
    event.add("class", "PUBLIC")
    event.add("organizer", _organizer(organizer))
    event.add("url", url, parameters={"VALUE": "URI"})
    event.add("categories", ["ISCG", meeting.format.value])
    match meeting.schedule:
        case ExactTimes() as times:
            for name, value in _start_and_end(times):
                event.add(name, value)
        case DateWindow(earliest, latest):
            event.add("dtstart", earliest)
            event.add("dtend", latest + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
    location = _location(meeting)
    if location:
        event.add("location", one_line(location))
    if _shows_join_link(meeting, spec):
        label = one_line(meeting.platform or "") or "Join online"
        event.add("conference", vUri(meeting.join_url or ""),
                  parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": label})  # fmt: skip
    event.add("description", printable(_description(meeting, spec, url)))
    return event


def _organizer(address: str) -> vCalAddress:
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = ORGANIZER_NAME
    return organizer


def _start_and_end(times: ExactTimes) -> tuple[tuple[str, datetime], tuple[str, datetime]]:
    """Wall times in the meeting's zone, or both in UTC when either falls in a repeated hour.

    RFC 5545 (3.3.5) reads a repeated wall time as its first occurrence, but clients do not
    agree (ical.js takes the second when clocks go back two hours); a UTC time leaves no
    choice to make.
    """
    start, end = times.starts_at, times.ends_at
    if is_repeated(start) or is_repeated(end):
        start, end = start.astimezone(UTC), end.astimezone(UTC)
    return ("dtstart", start), ("dtend", end)


def _shows_join_link(meeting: Meeting, spec: FeedSpec) -> bool:
    """Join links go to members' copies only, never for a cancelled meeting, and never one
    that the rule for text would refuse (a stored line break would end the property)."""
    if not spec.show_join_links or not meeting.join_url or meeting.is_cancelled:
        return False
    return first_forbidden(meeting.join_url, multi_line=False) is None


def _summary(meeting: Meeting) -> str:
    if meeting.status is MeetingStatus.CANCELLED:
        return f"Cancelled: {meeting.title}"
    if not meeting.has_exact_times:
        return f"{meeting.title} (date to be confirmed)"
    return meeting.title


def _location(meeting: Meeting) -> str:
    online = f"Online ({meeting.platform})" if meeting.platform else "Online"
    if meeting.format is MeetingFormat.VIRTUAL:
        return online
    if meeting.format is MeetingFormat.HYBRID:
        return "; ".join(part for part in (meeting.venue, online) if part)
    return meeting.venue or ""


def _description(meeting: Meeting, spec: FeedSpec, url: str) -> str:
    """Plain text: the window if tentative, the description, the agenda, then the links."""
    parts: list[str] = []
    if isinstance(window := meeting.schedule, DateWindow):
        parts.append(
            f"Tentative: to take place between {_day(window.earliest)} "
            f"and {_day(window.latest)}; the exact date is to be confirmed."
        )
    if meeting.description:
        parts.append(meeting.description.strip())
    if meeting.agenda_items:
        lines = [f"{position}. {item.title}" for position, item in
                 enumerate(meeting.agenda_items, start=1)]  # fmt: skip
        parts.append("Agenda:\n" + "\n".join(lines))
    if _shows_join_link(meeting, spec):
        parts.append(f"Join: {meeting.join_url}")
    parts.append(f"Details: {url}")
    return "\n\n".join(parts)


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _timezones_for(meetings: Sequence[Meeting]) -> list[Timezone]:
    """A VTIMEZONE per zone of a timed meeting, covering only the years its meetings need."""
    years: dict[str, set[int]] = {}
    for meeting in meetings:
        if isinstance(times := meeting.schedule, ExactTimes):
            used = years.setdefault(meeting.timezone, set())
            used.update((times.starts_at.year, times.ends_at.year))
    return [vtimezone(tzid, zone_years) for tzid, zone_years in sorted(years.items())]
