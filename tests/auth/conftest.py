"""Fixtures for sign-in through a real OpenID Connect provider."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from iscg_module.auth.oidc_settings import OidcSettings, parse_role_map
from iscg_module.testing.fixtures import running_app
from tests.oidc_provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    ROLE_MAP,
    ProviderBrowser,
    RunningProvider,
    running,
)


@pytest.fixture(scope="session")
def provider() -> Iterator[RunningProvider]:
    """A provider that gives claims only at its userinfo endpoint (its default)."""
    yield from running(claims_in_id_token=False)


@pytest.fixture(scope="session")
def provider_with_claims_in_id_token() -> Iterator[RunningProvider]:
    yield from running(claims_in_id_token=True)


@pytest.fixture(scope="session")
def provider_with_short_lived_codes() -> Iterator[RunningProvider]:
    """Authorization codes that expire after one second."""
    yield from running(code_ttl=1)


def settings_for(provider: RunningProvider, **changes: object) -> OidcSettings:
    values: dict[str, object] = {
        "issuer": provider.issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scopes": "openid email profile groups",
        "role_map": parse_role_map(ROLE_MAP),
    }
    values.update(changes)
    return OidcSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def oidc_app(database_url: str, provider: RunningProvider) -> Iterator[Flask]:
    yield from running_app(database_url, ISCG_OIDC=settings_for(provider))


@pytest.fixture
def browser(oidc_app: Flask) -> ProviderBrowser:
    return ProviderBrowser(oidc_app.test_client())
