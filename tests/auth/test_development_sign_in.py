"""The development sign-in: demo accounts only, never in production, safe redirects."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from iscg_module import create_app
from iscg_module.audit.models import AuditEntry
from iscg_module.auth.oidc_settings import OidcSettings
from iscg_module.auth.safe_redirect import local_path_or
from iscg_module.extensions import db
from iscg_module.testing.form_client import FormClient
from iscg_module.users.operations import ensure_user


def test_sign_in_lists_demo_accounts_and_signs_in(client, member):
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Plain Member" in page and "Development sign-in" in page
    response = client.post_form("/auth/login", {"account": member.id, "next": "/meetings/"})
    assert response.status_code == 302
    assert response.location == "/meetings/"
    home = client.get("/").get_data(as_text=True)
    assert "Signed in as <strong>Plain Member</strong>" in home
    db.session.refresh(member)
    assert member.last_sign_in_at is not None
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.signed_in"))
    assert entry.actor_id == member.id


def test_sign_in_starts_a_new_session(client, member):
    """Nothing planted in the session before sign-in survives it (no session fixation)."""
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    client.post_form("/auth/login", {"account": member.id})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == str(member.id)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", ""],
)
def test_next_only_redirects_to_local_paths(client, member, target):
    response = client.post_form("/auth/login", {"account": member.id, "next": target})
    assert response.location == "/"


def test_local_path_or_keeps_local_paths():
    assert local_path_or("/meetings/3?x=1", "/") == "/meetings/3?x=1"
    assert local_path_or("/\x00x", "/") == "/"


def test_an_account_from_a_real_provider_cannot_use_the_development_sign_in(client, member):
    outsider = ensure_user("https://login.example.org", "sub-1", "a@example.org", "Outsider")
    response = client.post_form("/auth/login", {"account": outsider.id})
    assert response.status_code == 200
    assert "Not a valid choice." in response.get_data(as_text=True)
    assert "Signed in as" not in client.get("/").get_data(as_text=True)


def test_sign_out_ends_the_session(member_client):
    response = member_client.post_form("/auth/logout")
    assert response.status_code == 302
    assert "Signed in as" not in member_client.get("/").get_data(as_text=True)


def test_sign_out_without_csrf_token_is_refused(member_client):
    assert member_client.post("/auth/logout").status_code == 400
    assert "Signed in as" in member_client.get("/").get_data(as_text=True)


def test_production_offers_no_development_sign_in(database_url, member):
    production = create_app(
        {
            "ISCG_ENV": "production",
            "SECRET_KEY": "production-secret-key-for-the-test-only",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "ISCG_OIDC": OidcSettings(issuer="http://127.0.0.1:9", client_id="iscg"),
        }
    )
    production.test_client_class = FormClient
    with production.app_context():
        client = production.test_client()
        response = client.get("/auth/login", base_url="https://iscg.test")
        page = response.get_data(as_text=True)
        assert response.status_code == 502
        assert "cannot be reached" in page
        assert "Plain Member" not in page and "Development sign-in" not in page
        db.engine.dispose()
