"""The climate theme's URL map, mounted under /themes/climate/."""

from __future__ import annotations

from flask import Blueprint
from iscg_climate import controllers

blueprint = Blueprint("climate", __name__, template_folder="templates")
blueprint.context_processor(controllers.template_helpers)

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule(
    "/indicators/meetings-held-remotely", view_func=controllers.remote_share, methods=["GET"]
)
blueprint.add_url_rule(
    "/indicators/new", view_func=controllers.new_indicator, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/indicators/<id:indicator_id>", view_func=controllers.indicator, methods=["GET"]
)
blueprint.add_url_rule(
    "/indicators/<id:indicator_id>/edit",
    view_func=controllers.edit_indicator,
    methods=["GET", "POST"],
)
blueprint.add_url_rule(
    "/indicators/<id:indicator_id>/values/new",
    view_func=controllers.new_value,
    methods=["GET", "POST"],
)
blueprint.add_url_rule(
    "/values/<id:value_id>/edit", view_func=controllers.edit_value, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/values/<id:value_id>/remove", view_func=controllers.remove, methods=["POST"]
)
