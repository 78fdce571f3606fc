"""The URL map of the admin pages, under /admin."""

from flask import Blueprint

from iscg_module.admin import controllers

blueprint = Blueprint("admin", __name__, url_prefix="/admin")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/users", view_func=controllers.users, methods=["GET"])
blueprint.add_url_rule("/users/<id:user_id>", view_func=controllers.user, methods=["GET"])
blueprint.add_url_rule("/users/<id:user_id>/roles", view_func=controllers.grant, methods=["POST"])
blueprint.add_url_rule(
    "/users/<id:user_id>/roles/<id:grant_id>/withdraw",
    view_func=controllers.withdraw,
    methods=["POST"],
)
blueprint.add_url_rule(
    "/users/<id:user_id>/deactivate", view_func=controllers.deactivate, methods=["POST"]
)
blueprint.add_url_rule(
    "/users/<id:user_id>/reactivate", view_func=controllers.reactivate, methods=["POST"]
)
blueprint.add_url_rule("/audit", view_func=controllers.audit, methods=["GET"])
blueprint.add_url_rule("/plugins", view_func=controllers.plugins, methods=["GET"])
blueprint.add_url_rule("/plugins/<name>", view_func=controllers.plugin, methods=["GET"])
blueprint.add_url_rule(
    "/plugins/<name>/settings", view_func=controllers.plugin_settings, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/plugins/<name>/switch", view_func=controllers.switch_plugin, methods=["GET", "POST"]
)
