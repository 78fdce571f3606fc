"""Meeting operations: state, SEQUENCE and revision, audit log, events, refusals."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.events import CoreEvent, subscribe
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import Attendance, Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.operations import MeetingRuleError
from iscg_module.meetings.schedule import DateWindow, ExactTimes
from iscg_module.testing.factories import (
    at,
    make_meeting,
    make_tentative_window,
    meeting_details,
    utc,
)


def test_scheduling_stores_utc_and_keeps_the_zone(app, admin):
    meeting = make_meeting(actor=admin, schedule=ExactTimes(at(2021, 9, 1, 14), at(2021, 9, 1, 16)))
    db.session.expire_all()
    stored = db.session.get(Meeting, meeting.id)
    assert stored.starts_at == utc(2021, 9, 1, 12)
    assert stored.starts_at.tzinfo is not None
    assert stored.local_starts_at.hour == 14
    assert stored.timezone == "Europe/Zurich"
    assert stored.uid.endswith("@iscg-module")
    assert (stored.sequence, stored.revision) == (0, 0)


def test_uid_never_changes_when_everything_editable_changes(app, admin):
    meeting = make_meeting(actor=admin)
    uid = meeting.uid
    operations.update_meeting(
        admin,
        meeting,
        meeting_details(
            title="Renamed", schedule=ExactTimes(at(2030, 1, 5, 9), at(2030, 1, 5, 11))
        ),
    )
    assert meeting.uid == uid


def test_client_visible_change_raises_sequence_and_others_do_not(app, admin):
    meeting = make_meeting(actor=admin)
    operations.update_meeting(admin, meeting, meeting_details(description="New words only"))
    assert (meeting.sequence, meeting.revision) == (0, 1)
    operations.update_meeting(
        admin, meeting, meeting_details(description="New words only", venue="Room A")
    )
    assert (meeting.sequence, meeting.revision) == (1, 2)
    operations.add_agenda_item(admin, meeting, "Opening", None, None)
    assert (meeting.sequence, meeting.revision) == (1, 3)
    operations.cancel_meeting(admin, meeting)
    assert (meeting.sequence, meeting.revision) == (2, 4)


def test_every_change_is_audited_with_its_actor(app, admin):
    meeting = make_meeting(actor=admin)
    operations.update_meeting(admin, meeting, meeting_details(title="Changed"))
    operations.cancel_meeting(admin, meeting)
    actions = db.session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.subject_type == "meeting", AuditEntry.subject_id == meeting.id)
        .order_by(AuditEntry.id)
    ).all()
    assert actions == ["meeting.scheduled", "meeting.changed", "meeting.cancelled"]
    changed = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "meeting.changed"))
    assert changed.actor_id == admin.id
    assert changed.details == {"fields": ["title"]}


def test_events_reach_subscribers(app, admin):
    received = []
    for event in (
        CoreEvent.MEETING_SCHEDULED,
        CoreEvent.MEETING_CHANGED,
        CoreEvent.MEETING_CANCELLED,
    ):
        subscribe(event, lambda name, payload: received.append((name, payload)))
    meeting = make_meeting(actor=admin)
    operations.update_meeting(admin, meeting, meeting_details(title="Changed"))
    operations.cancel_meeting(admin, meeting)
    assert [name for name, _ in received] == [
        CoreEvent.MEETING_SCHEDULED,
        CoreEvent.MEETING_CHANGED,
        CoreEvent.MEETING_CANCELLED,
    ]
    assert received[1][1] == {"meeting_id": meeting.id, "fields": ["title"]}


def test_cancelling_keeps_the_meeting_and_refuses_later_changes(app, admin):
    meeting = make_meeting(actor=admin)
    operations.cancel_meeting(admin, meeting)
    assert db.session.scalar(select(func.count(Meeting.id))) == 1
    assert meeting.status is MeetingStatus.CANCELLED
    with pytest.raises(MeetingRuleError, match="cancelled"):
        operations.update_meeting(admin, meeting, meeting_details(title="Too late"))
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).title == "ISCG meeting"


def test_a_tentative_window_has_no_times_and_cannot_be_confirmed(app, admin):
    meeting = make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    assert meeting.starts_at is None and not meeting.has_exact_times
    assert meeting.sort_starts_at == utc(2022, 1, 23, 23)
    assert meeting.sort_ends_at == utc(2022, 2, 4, 23)
    with pytest.raises(MeetingRuleError, match="exact start"):
        operations.confirm_meeting(admin, meeting)
    operations.update_meeting(
        admin,
        meeting,
        meeting_details(schedule=ExactTimes(at(2022, 1, 27, 14), at(2022, 1, 27, 16))),
    )
    operations.confirm_meeting(admin, meeting)
    assert meeting.status is MeetingStatus.CONFIRMED
    assert meeting.earliest_date is None


def test_a_confirmed_meeting_cannot_fall_back_to_a_window(app, admin):
    meeting = make_meeting(actor=admin)
    with pytest.raises(MeetingRuleError, match="tentative"):
        operations.update_meeting(
            admin, meeting, meeting_details(schedule=DateWindow(date(2030, 1, 1), date(2030, 1, 9)))
        )
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).starts_at is not None


def test_end_before_start_is_refused_and_nothing_is_saved(app, admin):
    with pytest.raises(MeetingRuleError, match="end after"):
        make_meeting(actor=admin, schedule=ExactTimes(at(2030, 1, 5, 11), at(2030, 1, 5, 9)))
    assert db.session.scalar(select(func.count(Meeting.id))) == 0
    meeting_entries = select(func.count(AuditEntry.id)).where(AuditEntry.subject_type == "meeting")
    assert db.session.scalar(meeting_entries) == 0


@pytest.mark.parametrize(
    "schedule",
    [
        ExactTimes(at(9999, 12, 31, 10), at(9999, 12, 31, 12)),
        ExactTimes(datetime(1, 1, 1, 9, tzinfo=ZoneInfo("Asia/Tokyo")),
                   datetime(1, 1, 1, 10, tzinfo=ZoneInfo("Asia/Tokyo"))),
        ExactTimes(at(2100, 12, 31, 22), at(2101, 1, 1, 1)),
        DateWindow(date(2032, 1, 26), date(9999, 12, 31)),
        DateWindow(date(1999, 12, 31), date(2000, 1, 2)),
    ],
)  # fmt: skip
def test_a_date_outside_the_plausible_range_is_refused_whoever_calls(app, admin, schedule):
    status = MeetingStatus.TENTATIVE if isinstance(schedule, DateWindow) else None
    with pytest.raises(MeetingRuleError, match="between 2000 and 2100"):
        make_meeting(status or MeetingStatus.CONFIRMED, actor=admin, schedule=schedule)
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


def _last_october_night(hour: int, minute: int, fold: int) -> datetime:
    """A Geneva wall-clock time on 31 October 2021; 02:00 to 02:59 happen twice."""
    return datetime(2021, 10, 31, hour, minute, tzinfo=ZoneInfo("Europe/Zurich"), fold=fold)


def test_times_in_the_repeated_hour_are_stored_as_the_instants_their_folds_name(app, admin):
    starts, ends = _last_october_night(2, 45, fold=0), _last_october_night(2, 15, fold=1)
    meeting = make_meeting(actor=admin, schedule=ExactTimes(starts, ends))
    assert (meeting.starts_at, meeting.ends_at) == (utc(2021, 10, 31, 0, 45),
                                                    utc(2021, 10, 31, 1, 15))  # fmt: skip


def test_an_end_before_the_start_as_instants_is_refused_whatever_the_wall_clock(app, admin):
    starts, ends = _last_october_night(2, 15, fold=1), _last_october_night(2, 45, fold=0)
    with pytest.raises(MeetingRuleError, match="end after"):
        make_meeting(actor=admin, schedule=ExactTimes(starts, ends))
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


def test_moving_to_the_other_occurrence_is_a_change_calendars_see(app, admin):
    ends = _last_october_night(4, 0, fold=0)
    meeting = make_meeting(
        actor=admin, schedule=ExactTimes(_last_october_night(2, 30, fold=0), ends)
    )
    second = ExactTimes(_last_october_night(2, 30, fold=1), ends)
    operations.update_meeting(admin, meeting, meeting_details(schedule=second))
    assert meeting.starts_at == utc(2021, 10, 31, 1, 30)
    assert (meeting.sequence, meeting.revision) == (1, 1)


def test_agenda_items_append_move_and_remove_in_order(app, admin):
    meeting = make_meeting(actor=admin)
    first, second, third = (
        operations.add_agenda_item(admin, meeting, title, None, None) for title in ("A", "B", "C")
    )
    operations.move_agenda_item(admin, third, -5)
    assert [item.title for item in meeting.agenda_items] == ["C", "A", "B"]
    operations.move_agenda_item(admin, third, 1)
    assert [item.title for item in meeting.agenda_items] == ["A", "C", "B"]
    operations.remove_agenda_item(admin, first)
    db.session.expire_all()
    reloaded = db.session.get(Meeting, meeting.id)
    assert [(item.position, item.title) for item in reloaded.agenda_items] == [(1, "C"), (2, "B")]
    assert second.id is not None


def test_registration_register_change_withdraw_and_return(app, member):
    meeting = make_meeting(format=MeetingFormat.HYBRID, venue="Geneva, Room K")
    registration = operations.register_attendance(member, meeting, Attendance.IN_ROOM)
    operations.register_attendance(member, meeting, Attendance.ONLINE)
    assert registration.attendance is Attendance.ONLINE
    operations.withdraw_registration(member, registration)
    assert not registration.is_active
    with pytest.raises(MeetingRuleError, match="already withdrawn"):
        operations.withdraw_registration(member, registration)
    again = operations.register_attendance(member, meeting, Attendance.IN_ROOM)
    assert again.id == registration.id and again.is_active


def test_registration_must_fit_the_format_and_the_meeting_must_be_open(app, member, admin):
    virtual = make_meeting(format=MeetingFormat.VIRTUAL)
    with pytest.raises(MeetingRuleError, match="virtual"):
        operations.register_attendance(member, virtual, Attendance.IN_ROOM)
    past = make_meeting(schedule=ExactTimes(at(2021, 9, 1, 14), at(2021, 9, 1, 16)))
    with pytest.raises(MeetingRuleError, match="closed"):
        operations.register_attendance(member, past, Attendance.ONLINE)
    operations.cancel_meeting(admin, virtual)
    with pytest.raises(MeetingRuleError, match="closed"):
        operations.register_attendance(member, virtual, Attendance.ONLINE)


def test_sort_span_follows_reschedules(app, admin):
    meeting = make_meeting(actor=admin)
    later = at(2031, 3, 30, 9)
    operations.update_meeting(
        admin, meeting, meeting_details(schedule=ExactTimes(later, later + timedelta(hours=3)))
    )
    assert meeting.sort_starts_at == utc(2031, 3, 30, 7)
    assert meeting.sort_ends_at == utc(2031, 3, 30, 10)
