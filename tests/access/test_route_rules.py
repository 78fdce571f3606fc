"""Every route declares an access rule, and each rule answers every role as it says.

The walk covers the whole URL map: a new route without a rule, or whose rule does not hold
for anonymous visitors, members, the chair and admins, fails here.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from flask import Flask, url_for
from werkzeug.routing import Rule as UrlRule

from iscg_module.access import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, Rule, rule_of
from iscg_module.attachments.operations import store_attachments
from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.attachments import PDF, upload
from iscg_module.testing.factories import make_meeting, make_tentative_window, make_update
from iscg_module.testing.plugins import enable_every_plugin, sample_url_values
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.operations import grant_product_role
from iscg_module.users.roles import Role
from iscg_module.web.record_ids import PAGE_NUMBER_MAX, RECORD_ID_MAX

# What each rule does to each visitor: let in, send to sign in, or refuse (403).
IN, SIGN_IN, REFUSED = "let in", "sent to sign in", "refused"
EXPECTED = {
    PUBLIC: {"anonymous": IN, "member": IN, "chair": IN, "admin": IN},
    MEMBER: {"anonymous": SIGN_IN, "member": IN, "chair": IN, "admin": IN},
    SECRETARIAT_READ: {"anonymous": SIGN_IN, "member": REFUSED, "chair": IN, "admin": IN},
    ADMIN: {"anonymous": SIGN_IN, "member": REFUSED, "chair": REFUSED, "admin": IN},
}


def outcome(response) -> str:
    """How the access gate treated a request (a view may still answer 4xx on its own)."""
    assert response.status_code < 500, response.status_code
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 302 and response.location.startswith("/auth/login?next="):
        return SIGN_IN
    return IN


def _routes(app: Flask) -> list[UrlRule]:
    return sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule)


def test_every_route_declares_an_access_rule(app):
    undeclared = [rule.endpoint for rule in _routes(app) if rule_of(app, rule.endpoint) is None]
    assert undeclared == []


def test_an_endpoint_without_a_rule_is_refused(app, client):
    app.add_url_rule("/undeclared", "undeclared", lambda: "should never be served")
    assert client.get("/undeclared").status_code == 403


@pytest.fixture
def sample_ids(app, admin):
    """Ids that every URL parameter of the map can take, with every installed plugin enabled."""
    load_plugin_demo_data()
    enable_every_plugin(admin)
    meeting = make_meeting()
    item = operations.add_agenda_item(admin, meeting, "Opening", None, None)
    make_tentative_window(date(2030, 1, 24), date(2030, 2, 4))
    link, token = create_subscription(admin, "walker")
    theme = ensure_theme(None, "ai", "AI", "", ThemeStatus.ACTIVE)
    focal_point = make_user("Walker Focal Point")
    grant = grant_product_role(admin, focal_point, Role.FOCAL_POINT, theme=theme)
    update = make_update(theme, focal_point, UpdateStatus.PUBLISHED)
    (attachment,) = store_attachments(admin, [upload(PDF, "walk.pdf")])
    db.session.commit()
    return {
        "slug": theme.slug,
        "update_id": update.id,
        "number": 1,
        "user_id": focal_point.id,
        "grant_id": grant.id,
        "name": "example",
        "meeting_id": meeting.id,
        "item_id": item.id,
        # The attachment's name; at /static/ it names no file, and the gate still lets in.
        "filename": attachment.filename,
        "token": token,
        "subscription_id": link.id,
        "attachment_id": attachment.id,
    }


@pytest.fixture
def accounts(app, admin, sample_ids):
    return {
        "member": make_user("Walker Member"),
        "chair": make_user("Walker Chair", Role.CHAIR),
        "admin": admin,
    }


@pytest.fixture
def visitors(app, accounts):
    signed_in = {name: sign_in(app, user) for name, user in accounts.items()}
    return {"anonymous": app.test_client(), **signed_in}


def expected_outcomes(rule: Rule, accounts: dict[str, object], arguments: dict) -> dict[str, str]:
    """The core's plain rules by the table above; other rules by what they say they permit."""
    if rule in EXPECTED:
        return EXPECTED[rule]
    outcomes = {"anonymous": SIGN_IN if rule.needs_sign_in else IN}
    for name, user in accounts.items():
        outcomes[name] = IN if rule.permits(user, arguments) else REFUSED
    return outcomes


def _arguments(rule: UrlRule, ids: dict[str, object]) -> dict[str, object]:
    """The rule's URL values: a plugin's own samples first, then the core's."""
    values = {**ids, **sample_url_values(rule.endpoint)}
    return {name: values[name] for name in rule.arguments}


def _url(app: Flask, rule: UrlRule, ids: dict[str, object]) -> str:
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **_arguments(rule, ids))


def test_each_get_route_answers_each_role_as_its_rule_says(app, sample_ids, accounts, visitors):
    checked = 0
    for rule in _routes(app):
        if "GET" not in rule.methods:
            continue
        url = _url(app, rule, sample_ids)
        arguments = _arguments(rule, sample_ids)
        expected = expected_outcomes(rule_of(app, rule.endpoint), accounts, arguments)
        for visitor, client in visitors.items():
            assert outcome(client.get(url)) == expected[visitor], (url, visitor)
        checked += 1
    assert checked >= 10


def test_each_post_only_route_refuses_the_wrong_role(app, sample_ids, accounts, visitors):
    checked = 0
    for rule in _routes(app):
        if "GET" in rule.methods or "POST" not in rule.methods:
            continue
        url = _url(app, rule, sample_ids)
        arguments = _arguments(rule, sample_ids)
        expected = expected_outcomes(rule_of(app, rule.endpoint), accounts, arguments)
        for visitor in ("anonymous", "member", "chair"):
            if expected[visitor] != IN:
                response = visitors[visitor].post_form(url, {"direction": "up"})
                assert outcome(response) == expected[visitor], (url, visitor)
        checked += 1
    assert checked >= 5


# Past the Integer columns' range on PostgreSQL, and past 64 bits (SQLite's range).
OUT_OF_RANGE_IDS = (RECORD_ID_MAX + 1, 2**63, 10**20)


def _id_names(rule: UrlRule) -> list[str]:
    return re.findall(r"<id:(\w+)>", rule.rule)


@pytest.mark.parametrize("huge", OUT_OF_RANGE_IDS)
def test_an_id_no_record_can_have_is_not_found_on_every_route_for_everyone(
    app, sample_ids, visitors, huge
):
    checked = 0
    for rule in _routes(app):
        names = _id_names(rule)
        if not names:
            continue
        with app.test_request_context():
            url = url_for(rule.endpoint, **{**_arguments(rule, sample_ids),
                                            **dict.fromkeys(names, huge)})  # fmt: skip
        for visitor, client in visitors.items():
            if "GET" in rule.methods:
                assert client.get(url).status_code == 404, (url, visitor)
            else:
                assert client.post_form(url, {}).status_code in (400, 404), (url, visitor)
        checked += 1
    assert checked >= 30


def test_record_ids_and_page_numbers_keep_their_names_in_every_route(app):
    """Every integer in an address goes through the ``id`` converter, plugins' included."""
    plain_integers = [rule.rule for rule in _routes(app) if "<int:" in rule.rule]
    assert plain_integers == []


@pytest.mark.parametrize("path", ["/meetings/?page={}", "/meetings/?later={}",
                                  "/admin/users?page={}", "/admin/audit?page={}"])  # fmt: skip
@pytest.mark.parametrize("number", ["99999999999999999999", str(PAGE_NUMBER_MAX + 1)])
def test_a_page_number_past_any_page_is_not_found(app, visitors, path, number):
    response = visitors["admin"].get(path.format(number))
    assert response.status_code == 404


@pytest.mark.parametrize("number", ["-99999999999999999999", "0", "two", ""])
def test_a_page_number_below_the_first_or_unreadable_shows_the_first(visitors, number):
    assert visitors["admin"].get(f"/meetings/?page={number}").status_code == 200


def test_every_page_drawn_for_a_signed_in_member_is_kept_by_no_cache(app, sample_ids, visitors):
    """Their name, links, drafts and join links: ``private, no-store`` on each 200 they get."""
    checked = 0
    for rule in _routes(app):
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        url = _url(app, rule, sample_ids)
        for visitor in ("member", "chair", "admin"):
            response = visitors[visitor].get(url)
            if response.status_code != 200 or rule.endpoint in SESSION_INDEPENDENT:
                continue
            assert response.headers["Cache-Control"] == "private, no-store", (url, visitor)
            checked += 1
    assert checked >= 60


# The feeds a calendar client polls with no session: their caching is their own.
SESSION_INDEPENDENT = {"calendars.public_feed", "calendars.personal_feed"}
