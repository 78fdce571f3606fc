"""A session ends on the server: a cookie kept from before sign-out or expiry is useless."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from iscg_module.calendars.subscription import CalendarSubscription
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.form_client import CSRF_FIELD
from iscg_module.users.models import SignInSession
from iscg_module.users.roles import Role
from tests.auth.test_provider_sign_in import _user

DOMAIN = "iscg.test"


def _kept_cookie(client) -> str:
    return client.get_cookie("session", domain=DOMAIN).value


def _replaying(app, cookie: str):
    """A new browser that presents a copy of ``cookie``, as an attacker who kept it would."""
    replay = app.test_client()
    replay.set_cookie("session", cookie, domain=DOMAIN)
    return replay


def _csrf_token(client) -> str:
    return CSRF_FIELD.search(client.get("/calendar/links").get_data(as_text=True)).group(1)


def _links() -> int:
    return db.session.scalar(select(func.count()).select_from(CalendarSubscription))


def test_a_cookie_kept_from_before_sign_out_works_neither_for_gets_nor_posts(app):
    member = make_user("Kept Cookie")
    client = sign_in(app, member)
    kept, token = _kept_cookie(client), _csrf_token(client)
    assert _replaying(app, kept).get("/account/").status_code == 200
    assert client.post_form("/auth/logout").status_code == 302

    replay = _replaying(app, kept)
    answer = replay.get("/account/")
    assert answer.status_code == 302 and "/auth/login" in answer.location
    posted = replay.post("/calendar/links", data={"csrf_token": token, "name": "Phone"})
    assert posted.status_code in (302, 400) and _links() == 0
    ended = db.session.scalar(select(SignInSession).where(SignInSession.user_id == member.id))
    assert ended.ended_because == "signed out" and ended.ended_at is not None


def test_signing_out_ends_only_that_session(app):
    member = make_user("Two Browsers")
    laptop, phone = sign_in(app, member), sign_in(app, member)
    laptop.post_form("/auth/logout")
    assert laptop.get("/account/").status_code == 302
    assert phone.get("/account/").status_code == 200


def test_a_session_past_its_expiry_on_the_server_is_useless_whatever_the_cookie_says(app):
    member = make_user("Long Day")
    client = sign_in(app, member)
    assert client.get("/account/").status_code == 200
    db.session.execute(
        update(SignInSession)
        .where(SignInSession.user_id == member.id)
        .values(expires_at=utc_now() - timedelta(seconds=1))
    )
    db.session.commit()
    assert client.get("/account/").status_code == 302


def test_a_session_lasts_the_configured_working_day(app):
    member = make_user("Working Day")
    sign_in(app, member)
    row = db.session.scalar(select(SignInSession).where(SignInSession.user_id == member.id))
    assert row.expires_at - row.started_at == app.permanent_session_lifetime


def test_a_cookie_without_a_server_session_is_refused(app):
    """A cookie signed with the key but naming no session (an older cookie) signs no one in."""
    member = make_user("Old Cookie", Role.ADMIN)
    with app.test_request_context():
        from flask import session

        session["_user_id"] = str(member.id)
        session["_fresh"] = True
        serializer = app.session_interface.get_signing_serializer(app)
        forged = serializer.dumps(dict(session))
    assert _replaying(app, forged).get("/admin/").status_code == 302


@pytest.mark.provider
def test_a_provider_session_kept_after_sign_out_is_useless(browser):
    browser.sign_in("tsag-delegate")
    kept = _kept_cookie(browser.app)
    browser.app.post_form("/auth/logout")
    assert _replaying(browser.app.application, kept).get("/account/").status_code == 302
    assert _user("tsag-delegate").last_sign_in_at is not None
