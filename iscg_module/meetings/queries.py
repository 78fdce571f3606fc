"""Reading meetings for pages, each in a fixed number of queries whatever the row count."""

from __future__ import annotations

from datetime import datetime

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from iscg_module.database.paging import page_of
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.meetings.models import AgendaItem, Meeting, Registration
from iscg_module.users.models import User

PAGE_SIZE = 25


def upcoming_meetings(
    page: int = 1, now: datetime | None = None, size: int = PAGE_SIZE
) -> tuple[list[Meeting], bool]:
    """One page of meetings that have not ended, soonest first, and whether more follow.

    Cancelled meetings are included: members must see that they will not take place.
    """
    query = (
        select(Meeting)
        .where(Meeting.sort_ends_at > (now or utc_now()))
        .order_by(Meeting.sort_starts_at, Meeting.id)
    )
    return page_of(query, page, size)


def past_meetings(
    page: int = 1, now: datetime | None = None, size: int = PAGE_SIZE
) -> tuple[list[Meeting], bool]:
    """One page of meetings that have ended, latest first, and whether more pages follow."""
    query = (
        select(Meeting)
        .where(Meeting.sort_ends_at <= (now or utc_now()))
        .order_by(Meeting.sort_starts_at.desc(), Meeting.id.desc())
    )
    return page_of(query, page, size)


def meeting_or_404(meeting_id: int) -> Meeting:
    """The meeting with its agenda loaded, or a 404."""
    meeting = db.session.scalar(
        select(Meeting).where(Meeting.id == meeting_id).options(selectinload(Meeting.agenda_items))
    )
    if meeting is None:
        abort(404)
    return meeting


def agenda_item_or_404(meeting: Meeting, item_id: int) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id:
        abort(404)
    return item


def registration_of(meeting: Meeting, user: User) -> Registration | None:
    return db.session.scalar(
        select(Registration).where(
            Registration.meeting_id == meeting.id, Registration.user_id == user.id
        )
    )


def registrations_of(meeting: Meeting) -> list[Registration]:
    """Active registrations with their members, by name."""
    query = (
        select(Registration)
        .join(Registration.user)
        .where(Registration.meeting_id == meeting.id, Registration.withdrawn_at.is_(None))
        .options(selectinload(Registration.user))
        .order_by(User.display_name)
    )
    return list(db.session.scalars(query))


def registration_counts(meeting: Meeting) -> dict[str, int]:
    """How many members registered, per way of attending."""
    query = (
        select(Registration.attendance, func.count())
        .where(Registration.meeting_id == meeting.id, Registration.withdrawn_at.is_(None))
        .group_by(Registration.attendance)
    )
    return {attendance.value: count for attendance, count in db.session.execute(query)}
