"""The URL map of the signed-in member's own account page, under /account."""

from flask import Blueprint

from iscg_module.users import controllers

blueprint = Blueprint("account", __name__, url_prefix="/account")

blueprint.add_url_rule("/", view_func=controllers.show, methods=["GET"])
