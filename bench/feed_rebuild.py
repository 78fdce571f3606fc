"""The first rebuild of the full feed after a change, against icalendar alone on the same events.

The product's time is a whole request after a change (version query, meetings query, build,
serialisation); the baseline is the icalendar library building and serialising calendar
events with the same properties from values already in memory.
"""

from __future__ import annotations

import statistics
import time
from datetime import timedelta

from icalendar import Calendar, Event, Timezone, vCalAddress
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from iscg_module import create_app
from iscg_module.calendars.feed_builder import ORGANIZER_NAME
from iscg_module.config import SECRETARIAT_EMAIL
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import ExactTimes, MeetingDetails

ROUNDS = 9


def plain_values(meetings: list[Meeting]) -> list[dict[str, object]]:
    return [
        {
            "uid": m.uid, "dtstamp": m.updated_at, "created": m.created_at,
            "last-modified": m.updated_at, "sequence": m.sequence, "summary": m.title,
            "status": m.status.value.upper(), "class": "PUBLIC",
            "url": f"http://127.0.0.1/meetings/{m.id}", "categories": ["ISCG", m.format.value],
            "organizer": organizer(),
            "dtstart": m.local_starts_at, "dtend": m.local_ends_at,
            "location": m.venue or "Online",
            "description": m.description + "\n".join(i.title for i in m.agenda_items),
        }
        for m in meetings
        if m.has_exact_times
    ]  # fmt: skip


def organizer() -> vCalAddress:
    address = vCalAddress(f"mailto:{SECRETARIAT_EMAIL}")
    address.params["CN"] = ORGANIZER_NAME
    return address


def icalendar_alone(values: list[dict[str, object]], zones: set[str]) -> float:
    started = time.perf_counter()
    calendar = Calendar()
    calendar.add("prodid", "-//bench//EN")
    calendar.add("version", "2.0")
    for zone in sorted(zones):
        calendar.add_component(Timezone.from_tzid(zone))
    for properties in values:
        event = Event()
        for name, value in properties.items():
            event.add(name, value)
        calendar.add_component(event)
    calendar.to_ical()
    return time.perf_counter() - started


def product_rebuild(client, meeting: Meeting, round_number: int) -> float:
    """Change one meeting, then time the next feed request, which must rebuild."""
    operations.update_meeting(
        None,
        meeting,
        MeetingDetails(
            title=meeting.title, description=f"Changed {round_number}", timezone=meeting.timezone,
            schedule=ExactTimes(meeting.local_starts_at, meeting.local_ends_at + timedelta(0)),
            format=meeting.format, platform=meeting.platform, join_url=meeting.join_url,
            venue=meeting.venue,
        ),
    )  # fmt: skip
    started = time.perf_counter()
    response = client.get("/calendar.ics")
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    return elapsed


def main() -> None:
    app = create_app()
    with app.app_context():
        client = app.test_client()
        meetings = list(db.session.scalars(
            select(Meeting).options(selectinload(Meeting.agenda_items)).order_by(Meeting.id)
        ))  # fmt: skip
        target = next(m for m in meetings if m.has_exact_times)
        values = plain_values(meetings)
        zones = {m.timezone for m in meetings if m.has_exact_times}
        client.get("/calendar.ics")
        # In turn, round by round, so that other work on the machine weighs on both alike.
        rounds = [
            (product_rebuild(client, target, n), icalendar_alone(values, zones))
            for n in range(ROUNDS)
        ]
    product = statistics.median(pair[0] for pair in rounds)
    baseline = statistics.median(pair[1] for pair in rounds)
    ratio = statistics.median(pair[0] / pair[1] for pair in rounds)
    print(
        f"Full feed of {len(meetings):,} meetings, first rebuild after a change: "
        f"{product * 1000:.0f} ms; icalendar alone serialising the same events: "
        f"{baseline * 1000:.0f} ms; ratio {ratio:.2f} (median of {ROUNDS} rounds in turn)."
    )


if __name__ == "__main__":
    main()
