"""Flask's signed-cookie sessions, with the signing serializer made once per key, and left
out of the answers that do not depend on them.

Flask builds a new serializer on every request; feeds are polled far more often than
anything else, and most of them carry no session at all, so the serializer is kept.

Flask also adds "Vary: Cookie", and refreshes a permanent session's cookie, whenever the
session was looked at during a request; Flask-Login looks at it after every request, so
every answer would say it varies with the cookie. An answer that never reads the session
(the public and personal feeds) is marked with ``session_independent`` and gets neither.
"""

from __future__ import annotations

from flask import Flask
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from itsdangerous import URLSafeTimedSerializer
from werkzeug.wrappers import Response

_INDEPENDENT = "iscg_session_independent"


def session_independent(response: Response) -> Response:
    """Declare that ``response`` is the same whatever the session holds."""
    setattr(response, _INDEPENDENT, True)
    return response


def is_session_independent(response: Response) -> bool:
    return bool(getattr(response, _INDEPENDENT, False))


class ProductSessionInterface(SecureCookieSessionInterface):
    def __init__(self) -> None:
        self._serializers: dict[tuple[object, ...], URLSafeTimedSerializer] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        key = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        serializer = self._serializers.get(key)
        if serializer is None:
            serializer = super().get_signing_serializer(app)
            self._serializers = {key: serializer}
        return serializer

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if is_session_independent(response) and not session.modified:
            return
        super().save_session(app, session, response)
