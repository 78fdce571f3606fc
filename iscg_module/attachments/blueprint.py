"""The URL map of attached files, downloaded under /attachments/<id>/<filename>."""

from flask import Blueprint

from iscg_module.attachments import controllers

blueprint = Blueprint("attachments", __name__, url_prefix="/attachments")

blueprint.add_url_rule(
    "/<id:attachment_id>/<filename>", view_func=controllers.download, methods=["GET"]
)
