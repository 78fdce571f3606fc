"""The AI theme's URL map, mounted under /themes/ai/."""

from __future__ import annotations

from flask import Blueprint
from iscg_ai import controllers

blueprint = Blueprint("ai", __name__, template_folder="templates")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/reports/", view_func=controllers.reports, methods=["GET"])
blueprint.add_url_rule("/reports/<id:update_id>", view_func=controllers.report, methods=["GET"])
blueprint.add_url_rule(
    "/reports/<id:update_id>/activities.csv",
    view_func=controllers.activities_export,
    methods=["GET"],
)
blueprint.add_url_rule("/activities", view_func=controllers.activities, methods=["GET"])
blueprint.add_url_rule("/changes", view_func=controllers.changes, methods=["GET"])
blueprint.add_url_rule("/terms-of-reference", view_func=controllers.terms, methods=["GET"])
