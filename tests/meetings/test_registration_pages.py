"""Members register their attendance and withdraw; the secretariat sees who registered."""

from __future__ import annotations

from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.meetings.models import Attendance, MeetingFormat, Registration
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import at, make_meeting


def _registration(user) -> Registration | None:
    return db.session.scalar(select(Registration).where(Registration.user_id == user.id))


def test_member_registers_in_the_room_then_withdraws(member_client, member):
    meeting = make_meeting(format=MeetingFormat.HYBRID, venue="Geneva")
    form = member_client.get(f"/meetings/{meeting.id}/registration").get_data(as_text=True)
    assert "In the room" in form and "Online" in form
    response = member_client.post_form(
        f"/meetings/{meeting.id}/registration", {"attendance": "in_room"}
    )
    assert response.status_code == 302
    assert _registration(member).attendance is Attendance.IN_ROOM
    page = member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "You are registered to attend in the room." in page
    member_client.post_form(f"/meetings/{meeting.id}/registration/withdraw")
    assert not _registration(member).is_active
    page = member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "You are registered" not in page


def test_attendance_that_does_not_fit_the_format_is_refused(member_client, member):
    meeting = make_meeting(format=MeetingFormat.VIRTUAL)
    for choice in ("in_room", "", "teleport"):
        response = member_client.post_form(
            f"/meetings/{meeting.id}/registration", {"attendance": choice}
        )
        assert response.status_code == 200
        assert "Nothing was saved" in response.get_data(as_text=True)
    assert _registration(member) is None


def test_registration_of_an_ended_meeting_is_closed(member_client, member):
    meeting = make_meeting(schedule=ExactTimes(at(2021, 9, 1, 14), at(2021, 9, 1, 16)))
    page = member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Registration is closed" in page
    response = member_client.post_form(
        f"/meetings/{meeting.id}/registration", {"attendance": "online"}
    )
    assert "Registration is closed" in response.get_data(as_text=True)
    assert _registration(member) is None


def test_anonymous_visitors_are_sent_to_sign_in(client):
    meeting = make_meeting()
    response = client.get(f"/meetings/{meeting.id}/registration")
    assert response.status_code == 302
    assert response.location == f"/auth/login?next=/meetings/{meeting.id}/registration"


def test_secretariat_and_chair_see_who_registered_members_do_not(
    admin_client, chair_client, member_client, member
):
    meeting = make_meeting()
    member_client.post_form(f"/meetings/{meeting.id}/registration", {"attendance": "online"})
    for client in (admin_client, chair_client):
        page = client.get(f"/meetings/{meeting.id}/registrations").get_data(as_text=True)
        assert "Plain Member" in page and "Online" in page
    assert member_client.get(f"/meetings/{meeting.id}/registrations").status_code == 403
    counts = member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "1 member(s) registered: 1 online." in counts
