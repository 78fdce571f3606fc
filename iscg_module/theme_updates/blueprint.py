"""The URL map of theme updates, under /themes/<slug>/updates/."""

from flask import Blueprint

from iscg_module.theme_updates import controllers

blueprint = Blueprint("theme_updates", __name__, url_prefix="/themes")

blueprint.add_url_rule("/<slug>/updates/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/<slug>/updates/new", view_func=controllers.new, methods=["GET", "POST"])
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>/edit", view_func=controllers.edit, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>", view_func=controllers.show, methods=["GET"]
)
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>/versions/<id:number>",
    view_func=controllers.version,
    methods=["GET"],
)
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>/submit",
    view_func=controllers.submit_for_publication,
    methods=["POST"],
)
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>/publish", view_func=controllers.publish, methods=["POST"]
)
blueprint.add_url_rule(
    "/<slug>/updates/<id:update_id>/return",
    view_func=controllers.return_to_writers,
    methods=["GET", "POST"],
)
blueprint.add_url_rule("/<slug>/updates.atom", view_func=controllers.feed, methods=["GET"])
