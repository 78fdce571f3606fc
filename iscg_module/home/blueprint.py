"""The URL map of the landing page."""

from flask import Blueprint

from iscg_module.home import controllers

blueprint = Blueprint("home", __name__)

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
