"""ID tokens that must be refused: wrong issuer, wrong audience, wrong nonce, expired.

The sign-in starts at the real provider (so state, nonce and code verifier are real); the
token endpoint's answer is then replaced by an ID token signed with a key of the test's
own, which the product is given as the provider's key set.
"""

from __future__ import annotations

import time

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from iscg_module.auth import oidc_client
from tests.oidc_provider import CLIENT_ID

pytestmark = pytest.mark.provider

SIGNING_KEY = RSAKey.generate_key(2048, parameters={"kid": "test-key", "alg": "RS256"})


def _id_token(provider, changes: dict[str, object]) -> str:
    now = int(time.time())
    claims = {
        "iss": provider.issuer, "aud": CLIENT_ID, "sub": "tsag-delegate",
        "iat": now, "exp": now + 300, "email": "delegate@iscg.example", "name": "TSAG Delegate",
        "groups": ["iscg-members"],
    }  # fmt: skip
    claims.update(changes)
    return jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, SIGNING_KEY)


@pytest.fixture
def answer_with(monkeypatch, oidc_app):
    """Make the token endpoint's answer carry the given ID token claims."""
    provider_client = oidc_app.extensions["iscg_oidc"].create_client(oidc_client.PROVIDER)
    public_keys = {"keys": [SIGNING_KEY.as_dict(private=False)]}
    monkeypatch.setattr(provider_client, "fetch_jwk_set", lambda force=False: public_keys)

    def install(id_token: str) -> None:
        answer = {"access_token": "at", "token_type": "Bearer", "id_token": id_token}
        monkeypatch.setattr(provider_client, "fetch_access_token", lambda **params: answer)

    return install


def _sent_nonce(browser) -> str:
    """The nonce the product sent to the provider, as kept in its session."""
    with browser.app.session_transaction() as session:
        state = next(value for key, value in session.items() if key.startswith("_state_"))
    return state["data"]["nonce"]


@pytest.mark.parametrize(
    "changes",
    [
        {"iss": "https://impostor.example"},
        {"aud": "another-application"},
        {"nonce": "not-the-nonce-that-was-sent"},
        {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200},
    ],
    ids=["wrong issuer", "wrong audience", "wrong nonce", "expired"],
)
def test_a_bad_id_token_is_refused(browser, provider, answer_with, changes, caplog):
    callback = browser.callback_url("tsag-delegate")
    answer_with(_id_token(provider, {"nonce": _sent_nonce(browser), **changes}))
    status, _, body = browser.get(callback)
    assert status == 400
    assert "could not be verified" in body
    assert "sign-in failed (invalid_token)" in caplog.text
    assert "Signed in as" not in browser.app.get("/").get_data(as_text=True)


def test_the_same_forged_path_with_a_good_token_signs_in(browser, provider, answer_with):
    """The control case: the replacement itself is not what makes the others fail."""
    callback = browser.callback_url("tsag-delegate")
    answer_with(_id_token(provider, {"nonce": _sent_nonce(browser)}))
    status, _, _ = browser.get(callback)
    assert status == 302
    assert "Signed in as <strong>TSAG Delegate</strong>" in browser.app.get("/").get_data(
        as_text=True
    )
