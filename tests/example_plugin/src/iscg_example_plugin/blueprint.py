"""The example plugin's URL map, mounted under /themes/example/."""

from __future__ import annotations

from flask import Blueprint

from iscg_example_plugin import controllers

blueprint = Blueprint("example", __name__, template_folder="templates")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/notes/new", view_func=controllers.new_note, methods=["GET", "POST"])
