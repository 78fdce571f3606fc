"""The member's own account page: details and roles, with where each role comes from."""

from __future__ import annotations

from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.operations import grant_role
from iscg_module.users.roles import Role, RoleSource


def test_member_sees_their_roles_and_where_they_come_from(app, member_client, member, admin):
    theme = ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)
    grant_role(admin, member, Role.FOCAL_POINT, RoleSource.PRODUCT, theme=theme)
    page = member_client.get("/account/").get_data(as_text=True)
    assert "Plain Member" in page
    assert "Focal point" in page and "Accessibility" in page
    assert "granted by the ISCG Secretariat" in page


def test_provider_roles_are_marked_as_such(admin_client):
    page = admin_client.get("/account/").get_data(as_text=True)
    assert "Secretariat (admin)" in page
    assert "checked at each sign-in" in page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/account/").location == "/auth/login?next=/account/"
