"""Signing in through the organisation's OpenID Connect provider, with authlib's Flask client.

Authorization code flow with PKCE (S256); authlib keeps state, nonce and the code verifier
in the session, checks the state on return and validates the ID token (signature, issuer,
audience, expiry, nonce). This module adds what real providers need beyond that: claims
that come only from the userinfo endpoint, a check that the provider's metadata names the
configured issuer, and one clear reason for every way the flow can fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Flask, current_app
from joserfc.errors import JoseError
from werkzeug.wrappers import Response

from iscg_module.auth.oidc_settings import OidcSettings

PROVIDER = "organisation"
PROVIDER_TIMEOUT_SECONDS = 10
_EXTENSION_KEY = "iscg_oidc"


class SignInFailed(Exception):
    """The sign-in did not complete. ``reason`` names the case; ``detail`` goes to the log."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ProviderIdentity:
    """Who the provider says signed in, with the claims this product uses."""

    issuer: str
    subject: str
    email: str | None
    name: str
    roles_claim: Any
    id_token: str


def init_oidc(app: Flask) -> None:
    """Register the provider when one is configured; its metadata is fetched at first use.

    Each application keeps its own registry, so two apps never share a provider's client.
    """
    settings: OidcSettings | None = app.config["ISCG_OIDC"]
    if settings is None:
        return
    oauth = OAuth(app)
    app.extensions[_EXTENSION_KEY] = oauth
    oauth.register(
        PROVIDER,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        server_metadata_url=settings.discovery_url,
        client_kwargs={
            "scope": settings.scopes,
            "code_challenge_method": "S256",
            "timeout": PROVIDER_TIMEOUT_SECONDS,
        },
    )


def _settings() -> OidcSettings:
    return current_app.config["ISCG_OIDC"]


def _client() -> Any:
    return current_app.extensions[_EXTENSION_KEY].create_client(PROVIDER)


def begin_sign_in(redirect_uri: str) -> Response:
    """Send the browser to the provider."""
    try:
        return _client().authorize_redirect(redirect_uri)
    except (requests.RequestException, ValueError) as error:
        raise SignInFailed("unreachable", repr(error)) from error


def finish_sign_in() -> ProviderIdentity:
    """Exchange the code the provider sent back and return the verified identity."""
    client = _client()
    try:
        token = client.authorize_access_token()
    except MismatchingStateError as error:
        raise SignInFailed("state", "state missing, altered or already used") from error
    except OAuthError as error:
        raise SignInFailed(_provider_error_reason(error.error), str(error)) from error
    except requests.RequestException as error:
        raise SignInFailed("unreachable", repr(error)) from error
    except (JoseError, AuthlibBaseError, ValueError) as error:
        raise SignInFailed("invalid_token", repr(error)) from error
    return _identity(client, token)


def _provider_error_reason(code: str | None) -> str:
    if code == "access_denied":
        return "cancelled"
    if code == "invalid_grant":
        return "expired_code"
    return "provider_error"


def _identity(client: Any, token: dict[str, Any]) -> ProviderIdentity:
    settings = _settings()
    issuer = client.load_server_metadata().get("issuer", "")
    if issuer.rstrip("/") != settings.issuer.rstrip("/"):
        raise SignInFailed("invalid_token", f"provider metadata names issuer {issuer!r}")
    claims = dict(token.get("userinfo") or {})
    if not claims.get("sub") or "id_token" not in token:
        raise SignInFailed("invalid_token", "the provider returned no ID token")
    if not {"email", "name", settings.roles_claim} <= claims.keys():
        claims = _with_userinfo(client, token, claims)
    return ProviderIdentity(
        issuer=settings.issuer,
        subject=str(claims["sub"]),
        email=claims.get("email"),
        name=claims.get("name") or claims.get("preferred_username") or claims.get("email") or "",
        roles_claim=claims.get(settings.roles_claim),
        id_token=token["id_token"],
    )


def _with_userinfo(client: Any, token: dict[str, Any], claims: dict[str, Any]) -> dict[str, Any]:
    """Add the userinfo endpoint's claims; its subject must be the ID token's."""
    try:
        userinfo = dict(client.userinfo(token=token))
    except (requests.RequestException, AuthlibBaseError, ValueError) as error:
        raise SignInFailed("unreachable", f"userinfo: {error!r}") from error
    if str(userinfo.get("sub")) != str(claims["sub"]):
        raise SignInFailed("invalid_token", "userinfo is about another subject")
    return {**userinfo, **claims}


def end_session_url(id_token: str | None, post_logout_redirect_uri: str) -> str | None:
    """Where to send the browser to end the provider's session, if the provider offers it.

    A provider that cannot be reached now only means the local sign-out stands alone.
    """
    client = _client()
    try:
        metadata = client.load_server_metadata()
    except (requests.RequestException, ValueError):
        return None
    if not metadata.get("end_session_endpoint"):
        return None
    result = client.create_logout_url(
        post_logout_redirect_uri=post_logout_redirect_uri, id_token_hint=id_token
    )
    return result["url"]
