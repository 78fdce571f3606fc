"""Attached files, downloaded under /attachments/<id>/<filename>."""

from flask import Blueprint

blueprint = Blueprint("attachments", __name__, url_prefix="/attachments")

from iscg_module.attachments import controllers  # noqa: E402, F401  (routes register here)
