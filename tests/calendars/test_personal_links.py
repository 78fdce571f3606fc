"""Personal calendar links: created once, hashed, revocable, and serving the member's feed."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.calendars.subscription import CalendarSubscription, token_hash
from iscg_module.calendars.subscription_operations import (
    MAX_ACTIVE_LINKS,
    create_subscription,
    note_use,
)
from iscg_module.extensions import db
from iscg_module.testing.accounts import make_user
from iscg_module.testing.factories import make_meeting
from tests.calendars.helpers import JOIN

LINK = re.compile(r'id="new-link" class="copy-field" type="text" readonly value="([^"]+)"')


def _create(client, name: str = "Outlook at work") -> str:
    """Create a link through the page and return the address it shows once."""
    response = client.post_form("/calendar/links", {"name": name})
    assert response.status_code == 200
    match = LINK.search(response.get_data(as_text=True))
    assert match, "the new link's address is shown"
    return match.group(1)


def _path(address: str) -> str:
    return address.removeprefix("http://iscg.test")


def test_a_member_creates_a_link_and_a_calendar_client_gets_the_personal_feed(
    member_client, member
):
    make_meeting(join_url=JOIN)
    address = _create(member_client)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 32  # at least 128 bits once decoded
    stored = db.session.scalar(select(CalendarSubscription))
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash
    feed = member_client.application.test_client().get(_path(address))
    assert feed.status_code == 200
    assert feed.content_type == "text/calendar; charset=utf-8"
    assert JOIN in feed.get_data(as_text=True).replace("\r\n ", "")
    assert "private" in feed.headers["Cache-Control"]


def test_the_address_is_shown_once_only(member_client):
    address = _create(member_client)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    listing = member_client.get("/calendar/links").get_data(as_text=True)
    assert "Outlook at work" in listing
    assert token not in listing


def test_revoking_closes_the_link_at_once_and_leaks_nothing(member_client, member):
    address = _create(member_client)
    anonymous = member_client.application.test_client()
    assert anonymous.get(_path(address)).status_code == 200
    link = db.session.scalar(select(CalendarSubscription))
    member_client.post_form(f"/calendar/links/{link.id}/revoke")
    revoked = anonymous.get(_path(address))
    unknown = anonymous.get("/calendar/not-a-real-token-at-all.ics")
    assert revoked.status_code == unknown.status_code == 404
    for answer in (revoked, unknown):
        page = answer.get_data(as_text=True)
        assert "Page not found" in page and "revoked" not in page.lower()
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["calendar_link.created", "calendar_link.revoked"]


def test_conditional_get_answers_304_for_the_personal_feed(
    member_client, count_queries, steady_versions
):
    make_meeting()
    address = _path(_create(member_client))
    calendar_client = member_client.application.test_client()
    first = calendar_client.get(address)
    queries = count_queries(calendar_client, address, **{"If-None-Match": first.headers["ETag"]})
    again = calendar_client.get(address, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert queries == 1  # the link; the version is cached; no write, no calendar built


def test_use_is_noted_at_most_once_an_hour(app, member):
    link, _ = create_subscription(member, "phone")
    note_use(link)
    first = link.last_used_at
    assert first is not None
    note_use(link, now=first + timedelta(minutes=30))
    db.session.refresh(link)
    assert link.last_used_at == first
    note_use(link, now=first + timedelta(hours=2))
    db.session.refresh(link)
    assert link.last_used_at == first + timedelta(hours=2)


def test_another_members_link_cannot_be_revoked(member_client, app):
    stranger = make_user("Stranger")
    link, _token = create_subscription(stranger, "theirs")
    assert member_client.post_form(f"/calendar/links/{link.id}/revoke").status_code == 404
    db.session.refresh(link)
    assert link.is_active


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "This field is required."), ("x" * 81, "longer than 80 characters")],
)
def test_bad_names_are_refused_and_nothing_saved(member_client, name, message):
    page = member_client.post_form("/calendar/links", {"name": name}).get_data(as_text=True)
    assert message in page and "Nothing was saved" in page
    assert db.session.scalar(select(func.count(CalendarSubscription.id))) == 0


def test_the_number_of_active_links_is_limited(member_client, member):
    for number in range(MAX_ACTIVE_LINKS):
        create_subscription(member, f"device {number}")
    page = member_client.post_form("/calendar/links", {"name": "one too many"}).get_data(
        as_text=True
    )
    assert f"You already have {MAX_ACTIVE_LINKS} calendar links" in page
    count = select(func.count(CalendarSubscription.id))
    assert db.session.scalar(count) == MAX_ACTIVE_LINKS


def test_links_pages_need_a_signed_in_member(client, member):
    assert client.get("/calendar/links").location == "/auth/login?next=/calendar/links"
    assert client.post_form("/calendar/links", {"name": "x"}).status_code == 302
    assert db.session.scalar(select(func.count(CalendarSubscription.id))) == 0


def test_a_form_without_csrf_token_creates_nothing(member_client):
    assert member_client.post("/calendar/links", data={"name": "x"}).status_code == 400
    assert db.session.scalar(select(func.count(CalendarSubscription.id))) == 0
