"""Script and event-handler payloads typed into every text field stay inert wherever shown."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from sqlalchemy import select

from iscg_module.calendars.subscription import CalendarSubscription
from iscg_module.extensions import db
from iscg_module.meetings.models import AgendaItem, Meeting
from tests.html_elements import elements_of

PAYLOAD = (
    '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    '"><svg onload=alert(3)><a href="javascript:alert(4)">j</a>'
)
OWN_SCRIPTS = {"/static/js/local-times.js", "/static/js/copy-buttons.js"}


def assert_inert(html: str) -> None:
    for tag, attributes in elements_of(html):
        assert tag not in {"svg", "iframe", "object", "embed"}, tag
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        assert not (attributes.get("href") or "").lower().startswith("javascript:"), attributes
        if tag == "script":
            assert attributes.get("src") in OWN_SCRIPTS, attributes
        if tag == "img":
            raise AssertionError(f"an img element was made from text: {attributes}")


@pytest.fixture
def poisoned(admin_client, member_client):
    """A meeting, agenda item and calendar link whose every text field holds the payload."""
    admin_client.post_form(
        "/meetings/new",
        {
            "title": PAYLOAD[:200], "description": PAYLOAD, "timezone": "Europe/Zurich",
            "schedule_kind": "exact", "starts_at": "2031-09-01T14:00",
            "ends_at": "2031-09-01T16:00", "format": "hybrid", "platform": PAYLOAD[:80],
            "venue": PAYLOAD[:200], "status": "confirmed",
        },
    )  # fmt: skip
    meeting = db.session.scalar(select(Meeting))
    admin_client.post_form(
        f"/meetings/{meeting.id}/agenda",
        {"title": PAYLOAD[:300], "presenter": PAYLOAD[:200], "notes": PAYLOAD},
    )
    member_client.post_form(f"/meetings/{meeting.id}/registration", {"attendance": "online"})
    member_client.post_form("/calendar/links", {"name": PAYLOAD[:80]})
    assert db.session.scalar(select(AgendaItem)) is not None
    assert db.session.scalar(select(CalendarSubscription)) is not None
    return meeting


def test_payloads_are_inert_on_every_page_that_shows_them(
    poisoned, admin_client, member_client, client
):
    item = db.session.scalar(select(AgendaItem))
    pages = {
        admin_client: [
            "/", "/meetings/", f"/meetings/{poisoned.id}", f"/meetings/{poisoned.id}/edit",
            f"/meetings/{poisoned.id}/agenda", f"/meetings/{poisoned.id}/agenda/{item.id}/edit",
            f"/meetings/{poisoned.id}/registrations", f"/meetings/{poisoned.id}/cancel",
        ],
        member_client: [f"/meetings/{poisoned.id}/registration", "/calendar/links", "/account/"],
        client: ["/", f"/meetings/{poisoned.id}"],
    }  # fmt: skip
    for visitor, urls in pages.items():
        for url in urls:
            response = visitor.get(url)
            assert response.status_code == 200, url
            assert_inert(response.get_data(as_text=True))


def test_feeds_carry_the_payload_as_plain_text_never_as_html(poisoned, client):
    for url in ("/calendar.ics", f"/meetings/{poisoned.id}.ics"):
        response = client.get(url)
        assert response.content_type == "text/calendar; charset=utf-8"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        (event,) = Calendar.from_ical(response.data).walk("VEVENT")
        assert str(event["SUMMARY"]) == PAYLOAD[:200]
        assert PAYLOAD in str(event["DESCRIPTION"])
