"""Routes under /auth."""

from flask import Blueprint

blueprint = Blueprint("auth", __name__, url_prefix="/auth")

from iscg_module.auth import controllers  # noqa: E402,F401  (registers the routes)
