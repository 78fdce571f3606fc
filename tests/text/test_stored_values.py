"""No stored value breaks a page or feed for anyone, whatever the forms let through before.

Each hostile value is written straight into the database (as an older release, an import
or a hand edit might have), on every text of a meeting and of a published theme update;
then every page and feed that shows them is fetched by each kind of visitor. No answer may
fail, and the calendars and the Atom feed must hold no character their formats forbid.
"""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar
from lxml import etree
from sqlalchemy import update

from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting
from iscg_module.testing.accounts import sign_in
from iscg_module.testing.factories import make_meeting, make_update
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.operations import grant_product_role
from iscg_module.users.roles import Role
from tests.calendars import calendar_parsers

HOSTILE = {
    "control": "Quarterly\x01 update",
    "nul": "Before\x00after",
    "escape": "Red\x1b[31m text",
    "line break": "First line\nsecond line",
    "carriage return": "First\rsecond",
    "separator": "One\u2028two\u2029three",
    "vertical tab": "Tab\tand\x0bvertical\x0cfeed",
    "markup": "<script>alert(1)</script> & <b>",
    "ical syntax": 'END:VEVENT\r\nBEGIN:VEVENT;x="y":z,\\',
}
# What XML 1.0 and iCalendar content lines cannot carry (tab, LF and CR only as structure).
FORBIDDEN_IN_FEEDS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
MEETING_TEXTS = ("title", "description", "venue", "platform")


@pytest.fixture
def stored(app, admin, member):
    """A meeting and a published update whose every text holds the value being tried."""

    def store(value: str) -> dict[str, str]:
        if "\x00" in value and db.engine.dialect.name == "postgresql":
            pytest.skip("PostgreSQL refuses NUL in text itself, so no row can hold one there")
        meeting = make_meeting(join_url="https://zoom.example.org/j/1")
        theme = ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)
        grant_product_role(admin, member, Role.FOCAL_POINT, theme=theme)
        published = make_update(theme, member, UpdateStatus.PUBLISHED)
        db.session.execute(
            update(Meeting)
            .where(Meeting.id == meeting.id)
            .values(
                **dict.fromkeys(MEETING_TEXTS, value),
                join_url=f"https://zoom.example.org/j/{value}",
                revision=Meeting.revision + 1,
            )
        )
        same = update(ThemeUpdate).where(ThemeUpdate.id == published.id)
        db.session.execute(same.values(title=value, body=value))
        db.session.commit()
        _link, token = create_subscription(member, "phone")
        return {
            "meeting": f"/meetings/{meeting.id}",
            "file": f"/meetings/{meeting.id}.ics",
            "personal": f"/calendar/{token}.ics",
            "update": f"/themes/accessibility/updates/{published.id}",
            "theme": "/themes/accessibility/updates/",
        }

    return store


PAGES = ("/", "/meetings/", "{meeting}", "{update}", "{theme}", "/themes/")
MEMBERS_ONLY = ("{update}", "{theme}", "/themes/")
CALENDARS = ("/calendar.ics", "{file}", "{personal}")
ATOM = "/themes/accessibility/updates.atom"


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_no_stored_value_breaks_a_page_or_feed_for_anyone(app, stored, admin, member, value):
    urls = stored(value)
    visitors = {"anonymous": app.test_client(), "member": sign_in(app, member),
                "admin": sign_in(app, admin)}  # fmt: skip
    for name, visitor in visitors.items():
        for page in PAGES:
            response = visitor.get(page.format(**urls))
            # Anonymous visitors are sent to sign in where a page is for members.
            expected = 302 if name == "anonymous" and page in MEMBERS_ONLY else 200
            assert response.status_code == expected, (name, page)
        for path in CALENDARS:
            data = visitor.get(path.format(**urls)).data
            assert not FORBIDDEN_IN_FEEDS.search(data.decode("utf-8")), (name, path)
            assert Calendar.from_ical(data).walk("VEVENT"), (name, path)
        atom = visitor.get(ATOM)
        if name == "anonymous":
            assert atom.status_code == 302  # the theme's feed is for members
            continue
        assert atom.status_code == 200 and not FORBIDDEN_IN_FEEDS.search(atom.get_data(True))
        assert etree.fromstring(atom.data).tag == "{http://www.w3.org/2005/Atom}feed"


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_independent_parsers_read_every_stored_value_as_one_event(app, stored, member, value):
    urls = stored(value)
    personal = app.test_client().get(urls["personal"]).data
    for parser in (calendar_parsers.with_ical_js, calendar_parsers.with_libical,
                   calendar_parsers.with_vobject):  # fmt: skip
        assert len(parser(personal)) == 1
