"""The admin page that lists plugins and switches them, with confirmation and CSRF."""

from __future__ import annotations

import pytest

from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.users.roles import Role


@pytest.fixture
def admin_browser(plugin_app, plugin_admin):
    return sign_in(plugin_app, plugin_admin)


def test_the_page_lists_plugins_with_version_state_and_description(admin_browser):
    page = admin_browser.get("/admin/plugins").get_data(as_text=True)
    assert "Sample theme" in page and "<td>unknown</td>" in page
    assert "A theme plugin used by the tests." in page
    assert "<td>disabled</td>" in page


def test_admin_confirms_then_enables_and_disables(admin_browser):
    question = admin_browser.get("/admin/plugins/sample/switch").get_data(as_text=True)
    assert "Yes, enable it" in question
    assert admin_browser.get("/themes/sample/").status_code == 404
    response = admin_browser.post_form(
        "/admin/plugins/sample/switch", {"state": "enabled"}, follow_redirects=True
    )
    assert "is enabled on every server" in response.get_data(as_text=True)
    assert admin_browser.get("/themes/sample/").status_code == 200
    assert "Yes, disable it" in admin_browser.get("/admin/plugins/sample/switch").get_data(
        as_text=True
    )
    admin_browser.post_form("/admin/plugins/sample/switch", {"state": "disabled"})
    assert admin_browser.get("/themes/sample/").status_code == 404


def test_a_switch_names_the_state_it_asks_for_so_a_repeat_changes_nothing(admin_browser):
    for _ in range(2):
        page = admin_browser.post_form(
            "/admin/plugins/sample/switch", {"state": "enabled"}, follow_redirects=True
        ).get_data(as_text=True)
    assert "already enabled" in page
    assert admin_browser.get("/themes/sample/").status_code == 200
    page = admin_browser.post_form(
        "/admin/plugins/sample/switch", {"state": "sideways"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "nothing changed" in page and admin_browser.get("/themes/sample/").status_code == 200


def test_switching_without_csrf_token_changes_nothing(admin_browser):
    assert admin_browser.post("/admin/plugins/sample/switch").status_code == 400
    assert admin_browser.get("/themes/sample/").status_code == 404


def test_the_chair_reads_and_members_are_refused(plugin_app):
    chair = sign_in(plugin_app, make_user("Chair", Role.CHAIR))
    member = sign_in(plugin_app, make_user("Member"))
    assert chair.get("/admin/plugins").status_code == 200
    assert chair.post_form("/admin/plugins/sample/switch", {"state": "enabled"}).status_code == 403
    assert member.get("/admin/plugins").status_code == 403
    assert chair.get("/themes/sample/").status_code == 404


def test_an_unknown_plugin_is_404(admin_browser):
    assert admin_browser.get("/admin/plugins/nothing/switch").status_code == 404
