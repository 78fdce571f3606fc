"""The URL map of the themes the group coordinates, under /themes/."""

from flask import Blueprint

from iscg_module.themes import controllers

blueprint = Blueprint("themes", __name__, url_prefix="/themes")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
