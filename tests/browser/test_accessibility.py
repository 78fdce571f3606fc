"""axe-core in Chromium on every page of the product, as anonymous, member and admin.

Every installed plugin is enabled first, so plugins' pages, widgets and fields are checked.

The pages come from the URL map itself, so a new page is checked the day it is added; a
route whose parameters this walk cannot fill fails here until a sample is given below.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.extensions import db
from iscg_module.meetings.models import AgendaItem, Meeting
from iscg_module.testing.plugins import enable_every_plugin, sample_url_values
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import RoleSource
from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = pytest.mark.browser

VISITORS = {"anonymous": None, "member": "TDAG member", "admin": "ISCG Secretariat"}
NOT_PAGES = (
    "static", "calendars.public_feed", "calendars.meeting_file", "calendars.personal_feed",
    "theme_updates.feed", "attachments.download", "ai.activities_export",
)  # fmt: skip


@pytest.fixture(scope="module")
def page_urls(live_server) -> list[str]:
    app = live_server.app
    with app.app_context():
        secretariat = db.session.scalar(select(User).where(User.subject == "secretariat"))
        plugins = enable_every_plugin(secretariat)
        link, token = create_subscription(secretariat, "axe walk")
        samples = {
            "meeting_id": db.session.scalar(select(Meeting.id).order_by(Meeting.id)),
            "item_id": db.session.scalar(select(AgendaItem.id).order_by(AgendaItem.id)),
            "user_id": secretariat.id,
            "grant_id": db.session.scalar(
                select(RoleGrant.id).where(RoleGrant.source == RoleSource.PRODUCT)
            ),
            "subscription_id": link.id,
            "slug": "accessibility",
            "update_id": db.session.scalar(select(ThemeUpdate.id).order_by(ThemeUpdate.id)),
            "number": 1,
            "token": token,
            "name": plugins[0] if plugins else "no-such-plugin",
        }
        urls = []
        with app.test_request_context():
            from flask import url_for

            for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
                if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
                    continue
                values = {**samples, **sample_url_values(rule.endpoint)}
                arguments = {name: values[name] for name in rule.arguments}
                urls.append(url_for(rule.endpoint, **arguments))
        db.session.remove()
    return [*urls, "/this-page-does-not-exist"]


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_page_has_no_axe_violations(page, page_urls, visitor):
    if VISITORS[visitor]:
        sign_in_as(page, VISITORS[visitor])
    problems = {}
    for url in page_urls:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    assert problems == {}


def test_a_form_with_errors_has_no_axe_violations(page):
    sign_in_as(page, "ISCG Secretariat")
    page.goto("/meetings/new")
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save meeting").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []


def test_the_check_finds_a_planted_violation(page):
    """Proof that the walk above would fail: axe finds an image without alternative text."""
    page.goto("/")
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}
