"""Every route declares an access rule, and each rule answers every role as it says.

The walk covers the whole URL map: a new route without a rule, or whose rule does not hold
for anonymous visitors, members, the chair and admins, fails here.
"""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from werkzeug.routing import Rule as UrlRule

from iscg_module.access import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, rule_of
from iscg_module.meetings import operations
from iscg_module.users.roles import Role
from tests.conftest import sign_in
from tests.factories import make_meeting, make_tentative_window, make_user

# Expected status per rule and visitor; 302 means "sent to sign in".
EXPECTED = {
    PUBLIC: {"anonymous": 200, "member": 200, "chair": 200, "admin": 200},
    MEMBER: {"anonymous": 302, "member": 200, "chair": 200, "admin": 200},
    SECRETARIAT_READ: {"anonymous": 302, "member": 403, "chair": 200, "admin": 200},
    ADMIN: {"anonymous": 302, "member": 403, "chair": 403, "admin": 200},
}


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
    """Ids that every URL parameter of the map can take, with open registration."""
    meeting = make_meeting()
    item = operations.add_agenda_item(admin, meeting, "Opening", None, None)
    make_tentative_window(date(2030, 1, 24), date(2030, 2, 4))
    return {"meeting_id": meeting.id, "item_id": item.id, "filename": "css/app.css"}


@pytest.fixture
def visitors(app, admin, sample_ids):
    member = make_user("Walker Member")
    chair = make_user("Walker Chair", Role.CHAIR)
    app.test_client_class = type(sign_in(app, admin))
    return {
        "anonymous": app.test_client(),
        "member": sign_in(app, member),
        "chair": sign_in(app, chair),
        "admin": sign_in(app, admin),
    }


def _url(app: Flask, rule: UrlRule, ids: dict[str, object]) -> str:
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **{name: ids[name] for name in rule.arguments})


def test_each_get_route_answers_each_role_as_its_rule_says(app, sample_ids, visitors):
    checked = 0
    for rule in _routes(app):
        if "GET" not in rule.methods:
            continue
        url = _url(app, rule, sample_ids)
        expected = EXPECTED[rule_of(app, rule.endpoint)]
        for visitor, client in visitors.items():
            response = client.get(url)
            assert response.status_code == expected[visitor], (url, visitor)
            if response.status_code == 302:
                assert response.location.startswith("/auth/login?next="), url
        checked += 1
    assert checked >= 10


def test_each_post_only_route_refuses_the_wrong_role(app, sample_ids, visitors):
    checked = 0
    for rule in _routes(app):
        if "GET" in rule.methods or "POST" not in rule.methods:
            continue
        url = _url(app, rule, sample_ids)
        expected = EXPECTED[rule_of(app, rule.endpoint)]
        for visitor in ("anonymous", "member", "chair"):
            if expected[visitor] in (302, 403):
                response = visitors[visitor].post_form(url, {"direction": "up"})
                assert response.status_code == expected[visitor], (url, visitor)
        checked += 1
    assert checked >= 5
