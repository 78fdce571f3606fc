"""Headers that tell browsers what the product's pages may and may not do."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response

from iscg_module.config import DEVELOPMENT

HSTS = "max-age=31536000; includeSubDomains"


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


def init_security_headers(app: Flask) -> None:
    oidc = app.config["ISCG_OIDC"]
    provider = () if oidc is None else (_origin(oidc.issuer),)
    policy = content_security_policy(provider)
    strict_transport = app.config["ISCG_ENV"] != DEVELOPMENT

    @app.after_request
    def _add_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", policy)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if strict_transport:
            headers.setdefault("Strict-Transport-Security", HSTS)
        return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
