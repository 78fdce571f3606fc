"""Routes under /meetings."""

from flask import Blueprint

blueprint = Blueprint("meetings", __name__, url_prefix="/meetings")

from iscg_module.meetings import controllers  # noqa: E402,F401  (registers the routes)
