"""Headers that tell browsers what the product's pages may and may not do.

They are added at the WSGI level, to every answer (pages, feeds, errors, static files),
as ready-made header lines: cheaper than touching each response object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask

from iscg_module.config import DEVELOPMENT

HSTS = "max-age=31536000; includeSubDomains"
StartResponse = Callable[..., Any]


def content_security_policy(form_targets: tuple[str, ...] = ()) -> str:
    """Only the product's own scripts and styles, no inline code, never inside a frame.

    ``form_targets`` are origins a form may lead to: signing out continues at the identity
    provider, and browsers hold form redirects to ``form-action`` as well.
    """
    directives = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        "form-action": " ".join(("'self'", *form_targets)),
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def security_headers(provider_origin: str | None, strict_transport: bool) -> list[tuple[str, str]]:
    headers = [
        ("Content-Security-Policy", content_security_policy(
            (provider_origin,) if provider_origin else ())),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ]  # fmt: skip
    if strict_transport:
        headers.append(("Strict-Transport-Security", HSTS))
    return headers


class SecurityHeaders:
    """WSGI middleware adding ``headers`` to every answer that does not set them itself."""

    def __init__(self, app: Callable[..., Iterable[bytes]], headers: list[tuple[str, str]]):
        self._app = app
        self._headers = headers

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Any:
        def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            present = {name.lower() for name, _ in headers}
            headers.extend(pair for pair in self._headers if pair[0].lower() not in present)
            return start_response(status, headers, *args)

        return self._app(environ, start)


def init_security_headers(app: Flask) -> None:
    oidc = app.config["ISCG_OIDC"]
    provider = None if oidc is None else _origin(oidc.issuer)
    headers = security_headers(provider, app.config["ISCG_ENV"] != DEVELOPMENT)
    app.wsgi_app = SecurityHeaders(app.wsgi_app, headers)  # type: ignore[method-assign]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
