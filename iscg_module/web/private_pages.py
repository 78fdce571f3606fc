"""Whatever is drawn for a signed-in member is theirs alone: no cache may keep a copy.

Pages for a member carry their name, their calendar links, join links, drafts or the admin
pages, so every answer built while a signed-in member was loaded says
``Cache-Control: private, no-store``: neither a shared proxy nor the browser's history and
disk cache keep it after sign-out. Answers that never read the session (the public and
personal feeds, see ``session_interface``) and anonymous pages keep their own caching.
"""

from __future__ import annotations

from flask import Flask, g
from werkzeug.wrappers import Response

from iscg_module.web.session_interface import is_session_independent

PRIVATE = "private, no-store"


def init_private_pages(app: Flask) -> None:
    app.after_request(_mark_private)


def _mark_private(response: Response) -> Response:
    # Flask-Login keeps the user it loaded for this request in g; a request that never
    # asked who is signed in drew nothing personal.
    user = g.get("_login_user")
    if user is None or not user.is_authenticated or is_session_independent(response):
        return response
    response.headers["Cache-Control"] = PRIVATE
    response.headers.pop("Expires", None)
    return response
