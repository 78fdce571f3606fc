"""A Flask test client that sends forms with their CSRF token, as a browser does."""

from __future__ import annotations

import re
from typing import Any

from flask.testing import FlaskClient

from iscg_module.extensions import db

CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


class FormClient(FlaskClient):
    """Each request gets an application context of its own, as in production.

    That gives a fresh ``g`` (no signed-in user or CSRF token leaks between clients) and
    a database session of its own; afterwards the test's session ends its transaction so
    that it reads what the request wrote.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.rollback()
        return response

    def csrf_token(self) -> str:
        for page in ("/", "/auth/login"):
            match = CSRF_FIELD.search(self.get(page).get_data(as_text=True))
            if match:
                return match.group(1)
        raise AssertionError("no page offered a CSRF token")

    def post_form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """Post ``data`` with a fresh CSRF token, as the page's form would.

        A file is a ``(stream, filename)`` tuple, several under one name a list of them;
        the body is then sent as ``multipart/form-data``.
        """
        payload = {"csrf_token": self.csrf_token(), **(data or {})}
        return self.post(url, data=payload, **kwargs)
