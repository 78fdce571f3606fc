"""Deactivating a member: sessions and calendar links stop at once, records stay, audit says so."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from iscg_module.audit.models import AuditEntry
from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.extensions import db
from iscg_module.meetings.models import Attendance, Registration
from iscg_module.meetings.operations import register_attendance
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.factories import make_meeting
from iscg_module.users.models import SignInSession, User
from iscg_module.users.operations import RoleRuleError, deactivate_member, reactivate_member
from iscg_module.users.roles import Role


@pytest.fixture
def leaver(app) -> User:
    return make_user("Leaving Member")


def _feed_path(token: str) -> str:
    return f"/calendar/{token}.ics"


def test_deactivating_ends_every_session_and_link_at_once_and_keeps_records(
    app, admin, admin_client, leaver
):
    laptop, phone = sign_in(app, leaver), sign_in(app, leaver)
    _link, token = create_subscription(leaver, "Outlook at work")
    meeting = make_meeting(actor=admin)
    register_attendance(leaver, meeting, Attendance.ONLINE)
    anonymous = app.test_client()
    assert anonymous.get(_feed_path(token)).status_code == 200

    answer = admin_client.post_form(f"/admin/users/{leaver.id}/deactivate")
    assert answer.status_code == 302
    for browser in (laptop, phone):
        assert browser.get("/account/").status_code == 302
    assert anonymous.get(_feed_path(token)).status_code == 404
    db.session.expire_all()
    assert db.session.get(User, leaver.id).deactivated_at is not None
    assert db.session.scalar(select(Registration).where(Registration.user_id == leaver.id))
    sessions = db.session.scalars(select(SignInSession).where(SignInSession.user_id == leaver.id))
    assert {row.ended_because for row in sessions} == {"deactivated"}
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.deactivated"))
    assert (entry.actor_id, entry.subject_id, entry.details["sessions_ended"]) == (
        admin.id, leaver.id, 2
    )  # fmt: skip


def test_a_deactivated_member_cannot_sign_in_and_is_told_why(app, admin, leaver):
    deactivate_member(admin, leaver)
    answer = app.test_client().post_form("/auth/login", {"account": leaver.id})
    assert answer.status_code == 200
    assert "This account has been deactivated" in answer.get_data(as_text=True)
    opened = select(SignInSession).where(SignInSession.user_id == leaver.id)
    assert db.session.scalar(opened) is None


def test_reactivating_lets_them_sign_in_and_their_links_work_again(app, admin, leaver):
    _link, token = create_subscription(leaver, "phone")
    old = sign_in(app, leaver)
    deactivate_member(admin, leaver)
    reactivate_member(admin, leaver)
    assert old.get("/account/").status_code == 302  # ended sessions stay ended
    assert sign_in(app, leaver).get("/account/").status_code == 200
    assert app.test_client().get(_feed_path(token)).status_code == 200
    query = select(AuditEntry.action).where(
        AuditEntry.subject_id == leaver.id, AuditEntry.action.like("user.%activated")
    )
    assert list(db.session.scalars(query.order_by(AuditEntry.id))) == [
        "user.deactivated", "user.reactivated"
    ]  # fmt: skip


def test_an_admin_cannot_deactivate_themselves_nor_twice(app, admin, leaver):
    with pytest.raises(RoleRuleError, match="your own account"):
        deactivate_member(admin, admin)
    deactivate_member(admin, leaver)
    with pytest.raises(RoleRuleError, match="already deactivated"):
        deactivate_member(admin, leaver)


@pytest.mark.parametrize("role", [None, Role.CHAIR, Role.FOCAL_POINT])
def test_only_admins_may_deactivate_or_reactivate(app, leaver, role):
    actor = make_user("Not An Admin", *([role] if role else []))
    client = sign_in(app, actor)
    for action in ("deactivate", "reactivate"):
        assert client.post_form(f"/admin/users/{leaver.id}/{action}").status_code == 403
    db.session.expire_all()
    assert db.session.get(User, leaver.id).is_active


def test_the_button_without_its_csrf_token_changes_nothing(app, admin_client, leaver):
    answer = admin_client.post(f"/admin/users/{leaver.id}/deactivate", data={})
    assert answer.status_code == 400
    db.session.expire_all()
    assert db.session.get(User, leaver.id).is_active


def test_the_member_page_shows_the_state_and_the_right_button(app, admin, admin_client, leaver):
    page = admin_client.get(f"/admin/users/{leaver.id}").get_data(as_text=True)
    assert "<dd>active</dd>" in page and "Deactivate" in page
    deactivate_member(admin, leaver)
    page = admin_client.get(f"/admin/users/{leaver.id}").get_data(as_text=True)
    assert "deactivated" in page and "Reactivate" in page
    listing = admin_client.get("/admin/users").get_data(as_text=True)
    assert "Leaving Member</a> (deactivated)" in listing
