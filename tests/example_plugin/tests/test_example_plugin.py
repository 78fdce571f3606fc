"""The example plugin, installed with pip, is found through its entry point and works."""

from __future__ import annotations

from iscg_module.platform.operations import set_plugin_enabled
from iscg_module.users.roles import Role
from tests.conftest import sign_in
from tests.factories import make_meeting, make_user


def test_the_installed_plugin_is_discovered(app):
    registry = app.extensions["iscg_plugins"]
    assert registry.plugins["example"].title == "Example theme"
    assert "example" not in registry.failures


def test_enabled_it_serves_its_page_link_and_events(app):
    admin = make_user("Example Admin", Role.ADMIN)
    member = sign_in(app, make_user("Example Member"))
    assert member.get("/themes/example/").status_code == 404
    set_plugin_enabled(admin, "example", True)
    make_meeting(title="Meeting seen by the example plugin")
    page = member.get("/themes/example/").get_data(as_text=True)
    assert "Example theme" in page and "meeting.scheduled" in page
    assert 'href="/themes/example/"' in member.get("/").get_data(as_text=True)
    set_plugin_enabled(admin, "example", False)
    assert member.get("/themes/example/").status_code == 404
