"""Scheduling, editing, confirming and cancelling meetings through the admin's forms."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus
from iscg_module.testing.factories import make_meeting, make_tentative_window, utc

VALID = {
    "title": "ISCG meeting",
    "description": "Mapping tables and **future themes**.",
    "timezone": "Europe/Zurich",
    "schedule_kind": "exact",
    "starts_at": "2031-09-01T14:00",
    "ends_at": "2031-09-01T16:00",
    "format": "virtual",
    "platform": "Zoom",
    "join_url": "https://zoom.example.org/j/42",
    "status": "confirmed",
}


def _meetings() -> int:
    return db.session.scalar(select(func.count(Meeting.id)))


def test_admin_schedules_a_meeting_in_geneva_time(admin_client):
    response = admin_client.post_form("/meetings/new", VALID)
    assert response.status_code == 302
    meeting = db.session.scalar(select(Meeting))
    assert response.location == f"/meetings/{meeting.id}"
    assert meeting.starts_at == utc(2031, 9, 1, 12)
    assert meeting.status is MeetingStatus.CONFIRMED
    assert meeting.join_url == "https://zoom.example.org/j/42"
    page = admin_client.get(response.location).get_data(as_text=True)
    assert "is scheduled" in page
    assert "Monday 1 September 2031, 14:00–16:00 CEST" in page


def test_admin_schedules_a_tentative_window(admin_client):
    data = {
        **VALID,
        "schedule_kind": "window",
        "starts_at": "",
        "ends_at": "",
        "earliest_date": "2032-01-26",
        "latest_date": "2032-02-06",
        "status": "tentative",
    }
    assert admin_client.post_form("/meetings/new", data).status_code == 302
    meeting = db.session.scalar(select(Meeting))
    assert (meeting.earliest_date, meeting.latest_date) == (date(2032, 1, 26), date(2032, 2, 6))
    assert meeting.starts_at is None
    page = admin_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Tentatively between Monday 26 January 2032 and Friday 6 February 2032" in page


BAD_INPUT = [
    ({"title": ""}, "title", "This field is required."),
    ({"title": "x" * 201}, "title", "Field cannot be longer than 200 characters."),
    ({"ends_at": "2031-09-01T13:00"}, "ends_at", "The meeting must end after it starts."),
    ({"ends_at": "2031-09-01T14:00"}, "ends_at", "The meeting must end after it starts."),
    ({"starts_at": ""}, "starts_at", "Give the start date and time."),
    ({"starts_at": "tomorrow"}, "starts_at", "Not a valid datetime value."),
    ({"timezone": "Mars/Olympus_Mons"}, "timezone", "Not a valid choice."),
    ({"join_url": "zoom meeting 42"}, "join_url", "Enter a full web address"),
    ({"join_url": "javascript:alert(1)"}, "join_url", "Enter a full web address"),
    ({"join_url": "https://[::1"}, "join_url", "Enter a full web address"),
    ({"join_url": "ftp://files.example.org/x"}, "join_url", "Enter a full web address"),
    ({"join_url": "https://" + "a" * 500 + ".org"}, "join_url", "longer than 500"),
    ({"format": "telepathic"}, "format", "Not a valid choice."),
    ({"description": "d" * 20_001}, "description", "longer than 20000"),
    ({"starts_at": "2031-03-30T02:30", "ends_at": "2031-03-30T04:00"}, "starts_at",
     "does not exist"),
    ({"schedule_kind": "window", "earliest_date": "2032-02-06", "latest_date": "2032-01-26",
      "status": "tentative"}, "latest_date", "on or after its first date"),
    ({"schedule_kind": "window", "earliest_date": "2032-01-26", "latest_date": "2032-02-06"},
     "schedule_kind", "Only a tentative meeting"),
    ({"schedule_kind": "sometime"}, "schedule_kind", "Not a valid choice."),
    # urlsplit drops CR and LF before its own checks: the rule for text sees them first.
    ({"join_url": "https://zoom.example.org/j/1\nBcc: x"}, "join_url",
     "Join link must be one line of text: it cannot hold a line break."),
    ({"join_url": "https://zoom.example.org/j/1\rx"}, "join_url", "cannot hold a line break"),
    ({"title": "Quarterly\x01 meeting"}, "title", "cannot hold the control character U+0001"),
    ({"platform": "Zoom\u2028Teams"}, "platform", "cannot hold a line break"),
    ({"description": "Agenda\x00"}, "description", "cannot hold the control character U+0000"),
    # Dates that calendars cannot show, or that overflow on the way to UTC.
    ({"starts_at": "9999-12-31T10:00", "ends_at": "9999-12-31T12:00"}, "starts_at",
     "Give a date between 2000 and 2100."),
    ({"timezone": "Asia/Tokyo", "starts_at": "0001-01-01T00:00"}, "starts_at",
     "Give a date between 2000 and 2100."),
    ({"ends_at": "2101-01-01T00:00"}, "ends_at", "Give a date between 2000 and 2100."),
    ({"schedule_kind": "window", "earliest_date": "2032-01-26", "latest_date": "9999-12-31",
      "status": "tentative"}, "latest_date", "Give a date between 2000 and 2100."),
    ({"schedule_kind": "window", "earliest_date": "1999-12-31", "latest_date": "2032-01-01",
      "status": "tentative"}, "earliest_date", "Give a date between 2000 and 2100."),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_a_message_at_its_field_and_nothing_saved(
    admin_client, changes, field, message
):
    response = admin_client.post_form("/meetings/new", {**VALID, **changes})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was saved" in page
    assert f'id="{field}-error"' in page
    assert message in page
    assert f'aria-describedby="{field}-error"' in page or f"{field}-hint {field}-error" in page
    assert _meetings() == 0


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(admin_client):
    response = admin_client.post("/meetings/new", data=VALID)
    assert response.status_code == 400
    assert "did not come from this site" in response.get_data(as_text=True)
    assert _meetings() == 0


def test_members_and_the_chair_cannot_schedule(member_client, chair_client):
    assert member_client.post_form("/meetings/new", VALID).status_code == 403
    assert chair_client.post_form("/meetings/new", VALID).status_code == 403
    assert _meetings() == 0


def test_admin_reschedules_and_sequence_rises(admin_client, admin):
    meeting = make_meeting(actor=admin)
    form = admin_client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert 'value="ISCG meeting"' in form
    data = {k: v for k, v in VALID.items() if k != "status"}
    data.update(starts_at="2031-12-03T10:00", ends_at="2031-12-03T12:30")
    response = admin_client.post_form(f"/meetings/{meeting.id}/edit", data)
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.starts_at == utc(2031, 12, 3, 9)
    assert meeting.sequence == 1


def test_editing_a_confirmed_meeting_into_a_window_is_refused(admin_client, admin):
    meeting = make_meeting(actor=admin)
    data = {**VALID, "schedule_kind": "window", "earliest_date": "2032-01-26",
            "latest_date": "2032-02-06"}  # fmt: skip
    response = admin_client.post_form(f"/meetings/{meeting.id}/edit", data)
    assert "Only a tentative meeting" in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.revision == 0


def test_admin_confirms_a_tentative_meeting(admin_client, admin):
    meeting = make_meeting(MeetingStatus.TENTATIVE, actor=admin)
    response = admin_client.post_form(f"/meetings/{meeting.id}/confirm")
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.status is MeetingStatus.CONFIRMED


def test_confirming_a_window_explains_why_not(admin_client):
    meeting = make_tentative_window(date(2032, 1, 26), date(2032, 2, 6))
    response = admin_client.post_form(f"/meetings/{meeting.id}/confirm", follow_redirects=True)
    assert "Set the exact start and end" in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.status is MeetingStatus.TENTATIVE


def test_cancelling_asks_first_then_keeps_the_meeting_marked(admin_client, admin):
    meeting = make_meeting(actor=admin)
    question = admin_client.get(f"/meetings/{meeting.id}/cancel").get_data(as_text=True)
    assert "Yes, cancel the meeting" in question
    db.session.refresh(meeting)
    assert meeting.status is MeetingStatus.CONFIRMED
    response = admin_client.post_form(f"/meetings/{meeting.id}/cancel", follow_redirects=True)
    assert "This meeting is cancelled." in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.status is MeetingStatus.CANCELLED
    assert _meetings() == 1


def test_a_cancelled_meeting_cannot_be_edited(admin_client, admin):
    meeting = make_meeting(actor=admin)
    admin_client.post_form(f"/meetings/{meeting.id}/cancel")
    data = {k: v for k, v in VALID.items() if k != "status"} | {"title": "Revived"}
    response = admin_client.post_form(f"/meetings/{meeting.id}/edit", data)
    assert "cancelled and can no longer be changed" in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.title == "ISCG meeting"


def test_unknown_meeting_is_404(admin_client):
    assert admin_client.get("/meetings/999999/edit").status_code == 404
    assert admin_client.post_form("/meetings/999999/cancel").status_code == 404


def test_hybrid_meeting_keeps_venue_and_platform(admin_client):
    data = {**VALID, "format": "hybrid", "venue": "Geneva, ITU Tower, Room K"}
    admin_client.post_form("/meetings/new", data)
    meeting = db.session.scalar(select(Meeting))
    assert meeting.format is MeetingFormat.HYBRID
    assert meeting.venue == "Geneva, ITU Tower, Room K"
