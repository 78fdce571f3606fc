"""The accessibility theme's URL map, mounted under /themes/accessibility/."""

from __future__ import annotations

from flask import Blueprint
from iscg_accessibility import controllers

blueprint = Blueprint("accessibility", __name__, template_folder="templates")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/items/new", view_func=controllers.new_item, methods=["GET", "POST"])
blueprint.add_url_rule("/items/<id:item_id>", view_func=controllers.item, methods=["GET"])
blueprint.add_url_rule(
    "/items/<id:item_id>/step", view_func=controllers.step, methods=["GET", "POST"]
)
blueprint.add_url_rule("/fund", view_func=controllers.fund, methods=["GET"])
blueprint.add_url_rule("/fund/new", view_func=controllers.new_contribution, methods=["GET", "POST"])
blueprint.add_url_rule("/liaisons/<id:liaison_id>", view_func=controllers.liaison, methods=["GET"])
blueprint.add_url_rule("/liaisons/new", view_func=controllers.new_liaison, methods=["GET", "POST"])
blueprint.add_url_rule(
    "/liaisons/<id:liaison_id>/edit", view_func=controllers.edit_liaison, methods=["GET", "POST"]
)
