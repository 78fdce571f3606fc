"""Every change to meetings: state, audit log and core events, committed together.

Views, the command line, importers and tests all change meetings through these functions;
none of them knows about requests.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.meetings.edited_values import agenda_item_values, meeting_values
from iscg_module.meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Registration,
)
from iscg_module.meetings.schedule import DateWindow, ExactTimes, MeetingDetails, span_in_utc
from iscg_module.operation_refused import OperationRefused
from iscg_module.platform.form_extensions import ExtensionValues
from iscg_module.plausible_dates import RANGE_MESSAGE, is_plausible
from iscg_module.revisions.revision import Revision
from iscg_module.revisions.stale_edit import lock_for_change, refuse_stale_edit
from iscg_module.users.models import User

# Changing any of these makes calendar clients update their copy (SEQUENCE rises).
CLIENT_VISIBLE_FIELDS = (
    "title", "timezone", "starts_at", "ends_at", "earliest_date", "latest_date",
    "format", "platform", "join_url", "venue", "status",
)  # fmt: skip

ATTENDANCE_BY_FORMAT = {
    MeetingFormat.VIRTUAL: (Attendance.ONLINE,),
    MeetingFormat.PHYSICAL: (Attendance.IN_ROOM,),
    MeetingFormat.HYBRID: (Attendance.IN_ROOM, Attendance.ONLINE),
}


class MeetingRuleError(OperationRefused):
    """A change that the meeting's rules do not allow; the message is for the person."""


@transactional
def schedule_meeting(
    actor: User | None,
    details: MeetingDetails,
    status: MeetingStatus = MeetingStatus.TENTATIVE,
    uid: str | None = None,
) -> Meeting:
    """Create a meeting. ``uid`` is given only by importers that keep the source's UID."""
    if status is MeetingStatus.CANCELLED:
        raise MeetingRuleError("A new meeting cannot start out cancelled.")
    meeting = Meeting(status=status, sequence=0, revision=0)
    if uid:
        meeting.uid = uid
    _apply_details(meeting, details)
    db.session.add(meeting)
    db.session.flush()
    record(actor, "meeting.scheduled", "meeting", meeting.id, title=meeting.title)
    emit(CoreEvent.MEETING_SCHEDULED, meeting_id=meeting.id)
    return meeting


@transactional
def update_meeting(
    actor: User | None,
    meeting: Meeting,
    details: MeetingDetails,
    opened: Revision | None = None,
) -> Meeting:
    """Change a meeting's details; SEQUENCE rises only if clients must see the change.

    ``opened`` is the revision the editor saw: if the meeting changed since, nothing is saved.
    """
    lock_for_change(meeting)
    refuse_stale_edit(opened, meeting_values(meeting), "meeting", meeting.id)
    _refuse_if_cancelled(meeting)
    before = _client_visible(meeting)
    _apply_details(meeting, details)
    changed = sorted(name for name, value in _client_visible(meeting).items()
                     if before[name] != value)  # fmt: skip
    _touch(meeting, client_visible=bool(changed))
    record(actor, "meeting.changed", "meeting", meeting.id, fields=changed)
    emit(CoreEvent.MEETING_CHANGED, meeting_id=meeting.id, fields=changed)
    return meeting


@transactional
def confirm_meeting(actor: User | None, meeting: Meeting) -> Meeting:
    """Confirm a tentative meeting; it needs exact times first."""
    _refuse_if_cancelled(meeting)
    if meeting.status is MeetingStatus.CONFIRMED:
        raise MeetingRuleError("This meeting is already confirmed.")
    if not meeting.has_exact_times:
        raise MeetingRuleError("Set the exact start and end before confirming this meeting.")
    meeting.status = MeetingStatus.CONFIRMED
    _touch(meeting, client_visible=True)
    record(actor, "meeting.confirmed", "meeting", meeting.id)
    emit(CoreEvent.MEETING_CHANGED, meeting_id=meeting.id, fields=["status"])
    return meeting


@transactional
def cancel_meeting(actor: User | None, meeting: Meeting) -> Meeting:
    """Cancel a meeting. It stays, and calendars show it as cancelled."""
    _refuse_if_cancelled(meeting)
    meeting.status = MeetingStatus.CANCELLED
    _touch(meeting, client_visible=True)
    record(actor, "meeting.cancelled", "meeting", meeting.id)
    emit(CoreEvent.MEETING_CANCELLED, meeting_id=meeting.id)
    return meeting


@transactional
def add_agenda_item(
    actor: User | None, meeting: Meeting, title: str, presenter: str | None, notes: str | None
) -> AgendaItem:
    """Append an item at the end of the agenda."""
    _refuse_if_cancelled(meeting)
    last = db.session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id)
    )
    item = AgendaItem(
        meeting=meeting, position=(last or 0) + 1, title=title, presenter=presenter, notes=notes
    )
    db.session.add(item)
    _touch(meeting, client_visible=False)
    db.session.flush()
    record(actor, "agenda_item.added", "meeting", meeting.id, item_id=item.id, title=title)
    return item


@transactional
def update_agenda_item(
    actor: User | None,
    item: AgendaItem,
    title: str,
    presenter: str | None,
    notes: str | None,
    opened: Revision | None = None,
) -> AgendaItem:
    lock_for_change(item)
    refuse_stale_edit(opened, agenda_item_values(item), "meeting", item.meeting_id)
    _refuse_if_cancelled(item.meeting)
    item.title, item.presenter, item.notes = title, presenter, notes
    _touch(item.meeting, client_visible=False)
    record(actor, "agenda_item.changed", "meeting", item.meeting_id, item_id=item.id)
    return item


@transactional
def remove_agenda_item(actor: User | None, item: AgendaItem) -> None:
    meeting = item.meeting
    _refuse_if_cancelled(meeting)
    meeting.agenda_items.remove(item)
    _renumber(meeting.agenda_items)
    _touch(meeting, client_visible=False)
    record(actor, "agenda_item.removed", "meeting", meeting.id, item_id=item.id, title=item.title)


@transactional
def move_agenda_item(actor: User | None, item: AgendaItem, offset: int) -> None:
    """Move an item up (negative offset) or down the agenda, staying within its ends."""
    meeting = item.meeting
    _refuse_if_cancelled(meeting)
    items = list(meeting.agenda_items)
    old_index = items.index(item)
    new_index = min(max(old_index + offset, 0), len(items) - 1)
    items.insert(new_index, items.pop(old_index))
    _renumber(items)
    _touch(meeting, client_visible=False)
    record(actor, "agenda_item.moved", "meeting", meeting.id, item_id=item.id, to=new_index + 1)


@transactional
def register_attendance(
    actor: User,
    meeting: Meeting,
    attendance: Attendance,
    plugin_values: ExtensionValues | None = None,
) -> Registration:
    """Register ``actor`` for ``meeting`` (again, if they had withdrawn).

    ``plugin_values`` are the answers to the fields plugins add to the form; they are saved
    in the same transaction, and a plugin refusing them refuses the registration.
    """
    # One registration of a meeting at a time: a double click finds the row the first made.
    lock_for_change(meeting)
    if not registration_open(meeting):
        raise MeetingRuleError("Registration is closed: the meeting is cancelled or has ended.")
    if attendance not in ATTENDANCE_BY_FORMAT[meeting.format]:
        raise MeetingRuleError(f"This {meeting.format.value} meeting cannot be attended that way.")
    registration = db.session.scalar(
        select(Registration).where(
            Registration.meeting_id == meeting.id, Registration.user_id == actor.id
        )
    )
    if registration is None:
        registration = Registration(meeting=meeting, user=actor, attendance=attendance)
        db.session.add(registration)
    registration.attendance = attendance
    registration.withdrawn_at = None
    registration.updated_at = utc_now()
    db.session.flush()
    if plugin_values is not None:
        plugin_values.save(actor, registration)
    record(actor, "registration.saved", "meeting", meeting.id, attendance=attendance.value)
    emit(CoreEvent.REGISTRATION_CHANGED, meeting_id=meeting.id, user_id=actor.id)
    return registration


def registration_open(meeting: Meeting) -> bool:
    """Members may register until the meeting ends, unless it is cancelled."""
    return not meeting.is_cancelled and meeting.sort_ends_at > utc_now()


@transactional
def withdraw_registration(actor: User, registration: Registration) -> None:
    """Withdraw; the registration row stays so that answers attached to it are kept."""
    if not registration.is_active:
        raise MeetingRuleError("You had already withdrawn from this meeting.")
    registration.withdrawn_at = registration.updated_at = utc_now()
    record(actor, "registration.withdrawn", "meeting", registration.meeting_id)
    emit(CoreEvent.REGISTRATION_CHANGED, meeting_id=registration.meeting_id, user_id=actor.id)


def _apply_details(meeting: Meeting, details: MeetingDetails) -> None:
    zone = ZoneInfo(details.timezone)
    schedule = details.schedule
    _refuse_implausible(schedule)
    if isinstance(schedule, DateWindow):
        if meeting.status is not MeetingStatus.TENTATIVE:
            raise MeetingRuleError("Only a tentative meeting can have a window instead of times.")
        if schedule.latest < schedule.earliest:
            raise MeetingRuleError("The window's last date is before its first date.")
        meeting.starts_at = meeting.ends_at = None
        meeting.earliest_date, meeting.latest_date = schedule.earliest, schedule.latest
    elif isinstance(schedule, ExactTimes):
        # In UTC: two times of one zone compare by wall clock, blind to which occurrence each is.
        starts, ends = span_in_utc(schedule, zone)
        if ends <= starts:
            raise MeetingRuleError("The meeting must end after it starts.")
        meeting.starts_at, meeting.ends_at = starts, ends
        meeting.earliest_date = meeting.latest_date = None
    meeting.sort_starts_at, meeting.sort_ends_at = span_in_utc(schedule, zone)
    meeting.title = details.title
    meeting.description = details.description
    meeting.timezone = details.timezone
    meeting.format = details.format
    meeting.platform = details.platform or None
    meeting.join_url = details.join_url or None
    meeting.venue = details.venue or None


def _refuse_implausible(schedule: DateWindow | ExactTimes) -> None:
    """Dates outside the plausible range are refused here too, whoever calls: the command
    line and importers have no form to stop them, and calendars cannot show year 9999."""
    if isinstance(schedule, DateWindow):
        days = (schedule.earliest, schedule.latest)
    else:
        days = (schedule.starts_at, schedule.ends_at)
    if not all(is_plausible(day) for day in days):
        raise MeetingRuleError(RANGE_MESSAGE)


def _client_visible(meeting: Meeting) -> dict[str, object]:
    return {name: getattr(meeting, name) for name in CLIENT_VISIBLE_FIELDS}


def _touch(meeting: Meeting, client_visible: bool) -> None:
    """Raise the counters in the database itself: two changes at once both count."""
    meeting.revision = Meeting.revision + 1  # type: ignore[assignment]
    if client_visible:
        meeting.sequence = Meeting.sequence + 1  # type: ignore[assignment]
    meeting.updated_at = utc_now()


def _refuse_if_cancelled(meeting: Meeting) -> None:
    if meeting.is_cancelled:
        raise MeetingRuleError("This meeting is cancelled and can no longer be changed.")


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position
