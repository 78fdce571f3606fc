"""A real OpenID Connect provider (the npm package oidc-provider) for the sign-in tests.

The provider runs in node on 127.0.0.1 with the product registered as a client; a
``ProviderBrowser`` plays the member's browser between the product (a Flask test client)
and the provider (real HTTP), following every redirect as a browser would.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from flask.testing import FlaskClient

TOOLS = Path(__file__).resolve().parent / "js"
APP_ORIGIN = "http://iscg.test"
CLIENT_ID = "iscg-intranet"
CLIENT_SECRET = "a-client-secret-for-the-tests"

ACCOUNTS = {
    "secretariat-officer": {
        "email": "officer@iscg.example",
        "name": "Secretariat Officer",
        "groups": ["iscg-secretariat", "iscg-members"],
    },
    "tsag-delegate": {"email": "delegate@iscg.example", "name": "TSAG Delegate",
                      "groups": "iscg-members"},
    "guest-without-groups": {"email": "guest@iscg.example", "name": "Guest"},
    "chairman": {"email": "chair@iscg.example", "name": "ISCG Chairman",
                 "groups": ["iscg-chair"]},
}  # fmt: skip
ROLE_MAP = "iscg-secretariat=admin,iscg-chair=chair,iscg-members=member"


@dataclass
class RunningProvider:
    issuer: str
    process: subprocess.Popen[str]
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)


def _tools_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not (TOOLS / "node_modules" / "oidc-provider").is_dir():
        return "the npm tools are not installed (npm ci --prefix tests/js)"
    return None


def start_provider(claims_in_id_token: bool = False, code_ttl: int = 60) -> RunningProvider:
    """Start a provider process; the caller stops it."""
    missing = _tools_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the OpenID Connect provider cannot run: {missing}")
        pytest.skip(f"the OpenID Connect provider cannot run: {missing}")
    settings = {
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{APP_ORIGIN}/auth/callback"],
                "post_logout_redirect_uris": [f"{APP_ORIGIN}/"],
            }
        ],
        "accounts": ACCOUNTS,
        "claimsInIdToken": claims_in_id_token,
        "codeTtl": code_ttl,
    }
    process = subprocess.Popen(
        ["node", str(TOOLS / "oidc_provider.mjs")],
        env={**os.environ, "ISCG_TEST_PROVIDER": json.dumps(settings)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    if not line.startswith("READY "):
        process.kill()
        raise RuntimeError(f"the provider did not start: {line!r}")
    return RunningProvider(issuer=line.split()[1], process=process, accounts=ACCOUNTS)


def running(claims_in_id_token: bool = False, code_ttl: int = 60) -> Iterator[RunningProvider]:
    provider = start_provider(claims_in_id_token=claims_in_id_token, code_ttl=code_ttl)
    try:
        yield provider
    finally:
        provider.process.terminate()
        provider.process.wait(timeout=10)


class ProviderBrowser:
    """A member's browser: cookies at the product and at the provider, redirects followed."""

    def __init__(self, app_client: FlaskClient) -> None:
        self.app = app_client
        self.web = requests.Session()

    def get(self, url: str) -> tuple[int, str, str]:
        """GET ``url`` at whichever side it belongs to: (status, location, body)."""
        parts = urlsplit(url)
        if not parts.netloc or url.startswith(APP_ORIGIN):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            response = self.app.get(path)
            return response.status_code, response.location or "", response.get_data(as_text=True)
        answer = self.web.get(url, allow_redirects=False, timeout=10)
        return answer.status_code, answer.headers.get("Location", ""), answer.text

    def follow(self, url: str, stop_at: str | None = None) -> tuple[int, str, str]:
        """Follow redirects from ``url`` until an answer that is not one (or ``stop_at``)."""
        status, location, body = self.get(url)
        while status in (301, 302, 303, 307) and location:
            url = location if urlsplit(location).netloc else self._absolute(url, location)
            if stop_at and url.startswith(stop_at):
                return status, url, body
            status, location, body = self.get(url)
        return status, url, body

    @staticmethod
    def _absolute(base: str, location: str) -> str:
        parts = urlsplit(base)
        return f"{parts.scheme}://{parts.netloc}{location}" if parts.netloc else location

    def interaction(self, url: str, **form: str) -> tuple[int, str, str]:
        """Submit the provider's interaction page (login or consent) and follow on."""
        answer = self.web.post(url, data=form, allow_redirects=False, timeout=10)
        return self.follow(answer.headers["Location"])

    def sign_in(self, account: str, next_path: str = "/") -> tuple[int, str, str]:
        """The whole sign-in: product → provider login and consent → product callback."""
        _, page, _ = self.follow(f"/auth/login?next={next_path}")
        status, page, body = self.interaction(page, prompt="login", login=account, password="x")
        if "/interaction/" in page:
            status, page, body = self.interaction(page, prompt="consent")
        return status, page, body

    def callback_url(self, account: str) -> str:
        """Sign in at the provider but stop before the product's callback is called."""
        _, page, _ = self.follow("/auth/login")
        answer = self.web.post(page, data={"prompt": "login", "login": account, "password": "x"},
                               allow_redirects=False, timeout=10)  # fmt: skip
        _, page, _ = self.follow(answer.headers["Location"], stop_at=f"{APP_ORIGIN}/auth/callback")
        if "/interaction/" in page:
            answer = self.web.post(page, data={"prompt": "consent"}, allow_redirects=False,
                                   timeout=10)  # fmt: skip
            _, page, _ = self.follow(
                answer.headers["Location"], stop_at=f"{APP_ORIGIN}/auth/callback"
            )
        return page
