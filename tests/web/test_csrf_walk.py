"""Every state-changing route refuses a request without its CSRF token, and changes nothing."""

from __future__ import annotations

import pytest
from flask import url_for
from sqlalchemy import func, select

from iscg_module.calendars.subscription_operations import create_subscription
from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.testing.factories import make_meeting, make_update
from iscg_module.testing.plugins import enable_every_plugin, sample_url_values
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.operations import grant_role
from iscg_module.users.roles import Role, RoleSource

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def _snapshot() -> dict[str, int]:
    """Row counts of every table: a refused request must leave all of them alone."""
    return {
        table.name: db.session.scalar(select(func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }


@pytest.fixture
def samples(app, admin, member):
    load_plugin_demo_data()
    enable_every_plugin(admin)
    meeting = make_meeting()
    item = operations.add_agenda_item(admin, meeting, "Opening", None, None)
    link, token = create_subscription(admin, "csrf walk")
    theme = ensure_theme(None, "ai", "AI", "", ThemeStatus.ACTIVE)
    grant = grant_role(admin, member, Role.FOCAL_POINT, RoleSource.PRODUCT, theme=theme)
    update = make_update(theme, admin, UpdateStatus.SUBMITTED)
    return {
        "slug": theme.slug,
        "update_id": update.id,
        "number": 1,
        "meeting_id": meeting.id,
        "item_id": item.id,
        "subscription_id": link.id,
        "token": token,
        "user_id": member.id,
        "grant_id": grant.id,
        "name": "example",
    }


def test_every_state_changing_route_needs_its_token(app, admin_client, samples):
    routes = [rule for rule in app.url_map.iter_rules() if rule.methods & STATE_CHANGING]
    assert len(routes) >= 10
    for rule in routes:
        with app.test_request_context():
            values = {**samples, **sample_url_values(rule.endpoint)}
            url = url_for(rule.endpoint, **{name: values[name] for name in rule.arguments})
        before = _snapshot()
        for method in sorted(rule.methods & STATE_CHANGING):
            response = admin_client.open(url, method=method, data={"title": "forged", "name": "x"})
            assert response.status_code == 400, (method, url)
            assert "did not come from this site" in response.get_data(as_text=True)
        assert _snapshot() == before, url
