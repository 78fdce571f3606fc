"""Load data for the benchmark: many meetings with agendas, many members with calendar links.

Meetings go through the product's own operations, as an admin would make them; members and
their links are inserted in bulk, since only their number matters to the pages measured.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.calendars.subscription import CalendarSubscription, new_token, token_hash
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import ExactTimes, MeetingDetails
from iscg_module.users.models import User

ZONES = ("Europe/Zurich", "America/New_York", "Asia/Tokyo", "Africa/Nairobi")
FORMATS = tuple(MeetingFormat)


def add_meetings(count: int, start: datetime | None = None) -> None:
    """``count`` meetings two days apart from ``start``, each with three agenda items."""
    start = start or datetime(2020, 1, 6, 9, tzinfo=UTC)
    for number in range(count):
        zone = ZoneInfo(ZONES[number % len(ZONES)])
        starts = (start + timedelta(days=2 * number)).astimezone(zone)
        meeting = operations.schedule_meeting(
            None,
            MeetingDetails(
                title=f"Coordination meeting {number + 1}",
                description="Mapping tables, liaison statements and **future themes**.",
                timezone=zone.key,
                schedule=ExactTimes(starts, starts + timedelta(hours=2)),
                format=FORMATS[number % len(FORMATS)],
                platform="Zoom",
                join_url=f"https://zoom.example.org/j/{100000 + number}",
                venue="Geneva, ITU Tower" if number % 3 else None,
            ),
            status=MeetingStatus.CONFIRMED,
        )
        for item in ("Opening", "Mapping tables", "Any other business"):
            operations.add_agenda_item(None, meeting, item, "ISCG Secretariat", None)


def add_members_with_links(count: int) -> list[str]:
    """``count`` members, each with one calendar link; returns the links' tokens."""
    db.session.execute(
        insert(User),
        [
            {"issuer": DEVELOPMENT_ISSUER, "subject": f"bench-{n}",
             "email": f"member{n}@bench.example", "display_name": f"Member {n}"}
            for n in range(count)
        ],
    )  # fmt: skip
    ids = db.session.scalars(select(User.id).where(User.subject.like("bench-%"))).all()
    tokens = [new_token() for _ in ids]
    db.session.execute(
        insert(CalendarSubscription),
        [
            {"user_id": user_id, "name": "phone", "token_hash": token_hash(token)}
            for user_id, token in zip(ids, tokens, strict=True)
        ],
    )
    db.session.commit()
    return tokens
