"""The secretariat's pages: members, roles granted and withdrawn, and the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.testing.accounts import make_user
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.models import RoleGrant
from iscg_module.users.operations import grant_product_role
from iscg_module.users.roles import Role, Sector


@pytest.fixture
def theme(app):
    return ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)


def _grants(user) -> list[tuple[str, str, int | None, str | None]]:
    db.session.expire_all()
    rows = db.session.scalars(select(RoleGrant).where(RoleGrant.user_id == user.id))
    return sorted(
        (g.role.value, g.source.value, g.theme_id, g.sector.value if g.sector else None)
        for g in rows
    )


def test_admin_grants_focal_point_of_a_theme_and_it_is_audited(admin_client, admin, member, theme):
    response = admin_client.post_form(
        f"/admin/users/{member.id}/roles", {"role": "focal_point", "theme": str(theme.id)}
    )
    assert response.status_code == 302
    assert _grants(member) == [("focal_point", "product", theme.id, None)]
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "role.granted")
                              .order_by(AuditEntry.id.desc()))  # fmt: skip
    assert entry.actor_id == admin.id and entry.subject_id == member.id
    assert entry.details["theme"] == "accessibility"
    page = admin_client.get(f"/admin/users/{member.id}").get_data(as_text=True)
    assert "Focal point of Accessibility" in page


def test_admin_grants_counsellor_of_a_sector_then_withdraws_it(admin_client, admin, member):
    admin_client.post_form(f"/admin/users/{member.id}/roles",
                           {"role": "counsellor", "sector": "ITU-D"})  # fmt: skip
    assert _grants(member) == [("counsellor", "product", None, "ITU-D")]
    grant = db.session.scalar(select(RoleGrant).where(RoleGrant.user_id == member.id))
    admin_client.post_form(f"/admin/users/{member.id}/roles/{grant.id}/withdraw")
    assert _grants(member) == []
    withdrawn = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "role.withdrawn"))
    assert withdrawn.actor_id == admin.id and withdrawn.details["sector"] == "ITU-D"


def test_provider_roles_cannot_be_withdrawn_here(admin_client, admin):
    chair = make_user("Provider Chair", Role.CHAIR)
    grant = db.session.scalar(select(RoleGrant).where(RoleGrant.user_id == chair.id))
    response = admin_client.post_form(
        f"/admin/users/{chair.id}/roles/{grant.id}/withdraw", follow_redirects=True
    )
    assert "comes from the organisation&#39;s sign-in service" in response.get_data(as_text=True)
    assert _grants(chair) == [("chair", "provider", None, None)]


BAD_GRANTS = [
    ({"role": "focal_point"}, "Choose the theme this member is focal point of."),
    ({"role": "focal_point", "theme": "THEME", "sector": "ITU-R"}, "A focal point serves a theme"),
    ({"role": "counsellor"}, "Choose the sector this member is counsellor of."),
    ({"role": "counsellor", "sector": "ITU-X"}, "Not a valid choice"),
    ({"role": "focal_point", "theme": "999999"}, "Not a valid choice"),
    ({"role": "admin"}, "Not a valid choice"),
    ({}, "This field is required."),
]


@pytest.mark.parametrize(("data", "message"), BAD_GRANTS)
def test_bad_grants_are_refused_clearly_and_save_nothing(
    admin_client, member, theme, data, message
):
    data = {key: str(theme.id) if value == "THEME" else value for key, value in data.items()}
    response = admin_client.post_form(f"/admin/users/{member.id}/roles", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page and "Nothing was saved" in page
    assert _grants(member) == []


def test_a_grant_without_csrf_token_is_refused(admin_client, member, theme):
    response = admin_client.post(
        f"/admin/users/{member.id}/roles", data={"role": "focal_point", "theme": str(theme.id)}
    )
    assert response.status_code == 400
    assert _grants(member) == []


def test_the_chair_reads_but_cannot_change_roles(chair_client, member, theme):
    assert chair_client.get("/admin/users").status_code == 200
    page = chair_client.get(f"/admin/users/{member.id}").get_data(as_text=True)
    assert "Grant a role" not in page
    response = chair_client.post_form(
        f"/admin/users/{member.id}/roles", {"role": "focal_point", "theme": str(theme.id)}
    )
    assert response.status_code == 403
    assert _grants(member) == []


def test_members_are_refused_and_anonymous_visitors_sent_to_sign_in(member_client, client):
    for url in ("/admin/", "/admin/users", "/admin/audit"):
        assert member_client.get(url).status_code == 403
        assert client.get(url).location == f"/auth/login?next={url}"


def test_product_roles_survive_and_show_on_the_users_list(admin_client, admin, member, theme):
    grant_product_role(admin, member, Role.COUNSELLOR, sector=Sector.ITU_T)
    page = admin_client.get("/admin/users").get_data(as_text=True)
    assert "Counsellor of ITU-T (granted here)" in page
    assert "Secretariat (admin) (sign-in service)" in page


def test_audit_log_lists_and_filters(admin_client, admin, member, theme):
    grant_product_role(admin, member, Role.FOCAL_POINT, theme=theme)
    everything = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "role.granted" in everything and "user.created" in everything
    only = admin_client.get("/admin/audit?action=role.granted").get_data(as_text=True)
    assert "role.granted" in only and '<th scope="row">user.created</th>' not in only
    unknown = admin_client.get("/admin/audit?action=%3Cscript%3E").get_data(as_text=True)
    assert "holds no action of that name" in unknown and "<script>" not in unknown


def test_list_pages_query_a_fixed_number_of_times(admin_client, admin, theme, count_queries):
    grant_product_role(admin, make_user("First focal point"), Role.FOCAL_POINT, theme=theme)
    few_users = count_queries(admin_client, "/admin/users")
    few_entries = count_queries(admin_client, "/admin/audit")
    for number in range(20):
        user = make_user(f"Member {number}")
        grant_product_role(admin, user, Role.FOCAL_POINT, theme=theme)
    assert count_queries(admin_client, "/admin/users") == few_users
    assert count_queries(admin_client, "/admin/audit") == few_entries
    total = db.session.scalar(select(func.count(AuditEntry.id)))
    assert total > 40
