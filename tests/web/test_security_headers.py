"""Every answer carries the product's security headers."""

from __future__ import annotations

import pytest

from iscg_module.web.security_headers import content_security_policy


@pytest.mark.parametrize(
    "url", ["/", "/meetings/", "/calendar.ics", "/no/such/page", "/auth/login"]
)
def test_security_headers_on_pages_feeds_and_errors(client, url):
    headers = client.get(url).headers
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_form_action_admits_the_identity_provider_for_sign_out():
    policy = content_security_policy(("https://login.example.org",))
    assert "form-action 'self' https://login.example.org" in policy


def test_pages_have_no_inline_scripts_or_handlers(admin_client):
    from iscg_module.testing.factories import make_meeting

    meeting = make_meeting()
    for url in ("/", "/meetings/", f"/meetings/{meeting.id}", "/meetings/new", "/calendar"):
        page = admin_client.get(url).get_data(as_text=True)
        assert "<script>" not in page and " onclick=" not in page and " onload=" not in page
