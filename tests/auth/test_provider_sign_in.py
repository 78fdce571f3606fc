"""Signing in through a real OpenID Connect provider, from first sign-in to every failure."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.testing.fixtures import running_app
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import Role, RoleSource
from tests.auth.conftest import settings_for
from tests.oidc_provider import ProviderBrowser, start_provider

pytestmark = pytest.mark.provider


def _user(subject: str) -> User:
    return db.session.scalar(select(User).where(User.subject == subject))


def test_first_sign_in_creates_the_member_with_mapped_roles(browser, provider):
    status, page, body = browser.sign_in("secretariat-officer", next_path="/meetings/")
    assert (status, page) == (200, "http://iscg.test/meetings/")
    assert "Signed in as <strong>Secretariat Officer</strong>" in body
    user = _user("secretariat-officer")
    assert user.issuer == provider.issuer
    assert user.email == "officer@iscg.example"
    assert user.last_sign_in_at is not None
    assert [(g.role, g.source) for g in user.role_grants] == [(Role.ADMIN, RoleSource.PROVIDER)]


def test_the_request_to_the_provider_uses_pkce_state_and_nonce(browser):
    status, location, _ = browser.get("/auth/login")
    query = parse_qs(urlsplit(location).query)
    assert status == 302
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) >= 43
    assert query["state"][0] and query["nonce"][0]
    assert query["redirect_uri"] == ["http://iscg.test/auth/callback"]
    assert set(query["scope"][0].split()) >= {"openid", "email", "profile"}


def test_a_string_roles_claim_and_a_missing_one_both_work(oidc_app):
    for subject, name in (("tsag-delegate", "TSAG Delegate"), ("guest-without-groups", "Guest")):
        status, _, body = ProviderBrowser(oidc_app.test_client()).sign_in(subject)
        assert status == 200 and f"Signed in as <strong>{name}</strong>" in body
        assert _user(subject).role_grants == []


def test_second_sign_in_refreshes_claims_and_roles_but_keeps_product_roles(oidc_app, provider):
    ProviderBrowser(oidc_app.test_client()).sign_in("chairman")
    user = _user("chairman")
    user.display_name, user.email = "Old name", "old@iscg.example"
    user.role_grants.append(RoleGrant(role=Role.COUNSELLOR, source=RoleSource.PRODUCT))
    user.role_grants.append(RoleGrant(role=Role.ADMIN, source=RoleSource.PROVIDER))
    db.session.commit()
    ProviderBrowser(oidc_app.test_client()).sign_in("chairman")
    db.session.expire_all()
    user = _user("chairman")
    assert (user.display_name, user.email) == ("ISCG Chairman", "chair@iscg.example")
    assert sorted((g.role.value, g.source.value) for g in user.role_grants) == [
        ("chair", "provider"),
        ("counsellor", "product"),
    ]
    assert db.session.scalar(select(User.id).where(User.subject == "chairman")) == user.id


def test_claims_in_the_id_token_are_read_without_userinfo(
    database_url, provider_with_claims_in_id_token
):
    settings = settings_for(provider_with_claims_in_id_token)
    for app in running_app(database_url, ISCG_OIDC=settings):
        status, _, body = ProviderBrowser(app.test_client()).sign_in("secretariat-officer")
        assert status == 200 and "Secretariat Officer" in body
        assert _user("secretariat-officer").is_admin


def test_a_replayed_callback_is_refused(browser):
    callback = browser.callback_url("tsag-delegate")
    status, _, _ = browser.get(callback)
    assert status == 302
    browser.app.post_form("/auth/logout")
    status, _, body = browser.get(callback)
    assert status == 400
    assert "expired or was already used" in body


def test_a_forged_state_is_refused(browser):
    callback = browser.callback_url("tsag-delegate")
    forged = callback.replace("state=", "state=forged")
    status, _, body = browser.get(forged)
    assert status == 400 and "expired or was already used" in body
    assert _user("tsag-delegate") is None


def test_a_callback_from_another_browser_is_refused(oidc_app, browser):
    callback = browser.callback_url("tsag-delegate")
    status, _, body = ProviderBrowser(oidc_app.test_client()).get(callback)
    assert status == 400 and "expired or was already used" in body


def test_cancelling_at_the_provider_shows_a_clear_page(browser, caplog):
    _, page, _ = browser.follow("/auth/login")
    status, _, body = browser.follow(f"{page}/abort")
    assert status == 400
    assert "cancelled at the sign-in service" in body
    assert "sign-in failed (cancelled)" in caplog.text


def test_a_code_used_twice_is_refused_as_expired(browser):
    """The provider refuses a code already exchanged (invalid_grant)."""
    callback = browser.callback_url("tsag-delegate")
    with browser.app.session_transaction() as session:
        saved = dict(session)
    browser.get(callback)
    with browser.app.session_transaction() as session:
        session.clear()
        session.update(saved)
    status, _, body = browser.get(callback)
    assert status == 400 and "took too long and has expired" in body


def test_an_expired_code_is_refused(database_url, provider_with_short_lived_codes):
    settings = settings_for(provider_with_short_lived_codes)
    for app in running_app(database_url, ISCG_OIDC=settings):
        browser = ProviderBrowser(app.test_client())
        callback = browser.callback_url("tsag-delegate")
        time.sleep(1.5)
        status, _, body = browser.get(callback)
        assert status == 400 and "took too long and has expired" in body
        assert _user("tsag-delegate") is None


def test_a_provider_whose_metadata_names_another_issuer_is_refused(database_url, provider):
    """Configured as localhost, the provider calls itself 127.0.0.1: a mix-up to refuse."""
    alias = provider.issuer.replace("127.0.0.1", "localhost")
    for app in running_app(database_url, ISCG_OIDC=settings_for(provider, issuer=alias)):
        browser = ProviderBrowser(app.test_client())
        status, _, body = browser.get(browser.callback_url("tsag-delegate"))
        assert status == 400 and "could not be verified" in body
        assert _user("tsag-delegate") is None


def test_provider_unreachable_at_sign_in_shows_a_clear_page(database_url, caplog):
    closed = settings_for_unreachable()
    for app in running_app(database_url, ISCG_OIDC=closed):
        response = app.test_client().get("/auth/login")
        assert response.status_code == 502
        assert "cannot be reached" in response.get_data(as_text=True)
        assert "Traceback" not in response.get_data(as_text=True)
        assert app.test_client().get("/calendar.ics").status_code == 200
        assert app.test_client().get("/meetings/").status_code == 200
    assert "sign-in failed (unreachable)" in caplog.text


def settings_for_unreachable():
    from iscg_module.auth.oidc_settings import OidcSettings

    return OidcSettings(issuer="http://127.0.0.1:9", client_id="iscg")


def test_sign_out_ends_the_provider_session_too(browser, provider):
    browser.sign_in("tsag-delegate")
    response = browser.app.post_form("/auth/logout")
    location = response.location
    assert location.startswith(f"{provider.issuer}/session/end")
    query = parse_qs(urlsplit(location).query)
    assert query["post_logout_redirect_uri"] == ["http://iscg.test/"]
    assert query["id_token_hint"][0].count(".") == 2
    assert "Signed in as" not in browser.app.get("/").get_data(as_text=True)


def test_signed_in_sessions_and_public_pages_go_on_while_the_provider_is_down(database_url):
    provider = start_provider()
    try:
        for app in running_app(database_url, ISCG_OIDC=settings_for(provider)):
            browser = ProviderBrowser(app.test_client())
            browser.sign_in("tsag-delegate")
            provider.process.terminate()
            provider.process.wait(timeout=10)
            assert browser.app.get("/account/").status_code == 200
            assert "TSAG Delegate" in browser.app.get("/").get_data(as_text=True)
            anonymous = app.test_client()
            assert anonymous.get("/calendar.ics").status_code == 200
            assert anonymous.get("/meetings/").status_code == 200
    finally:
        provider.process.kill()


def test_the_session_cookie_is_kept_for_a_working_day_and_hidden_from_scripts(browser):
    browser.sign_in("tsag-delegate")
    cookie = browser.app.get_cookie("session", domain="iscg.test")
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert cookie.expires is not None


def test_next_leading_off_site_is_dropped_after_provider_sign_in(browser):
    status, page, _ = browser.sign_in("tsag-delegate", next_path="https://evil.example/")
    assert (status, page) == (200, "http://iscg.test/")
