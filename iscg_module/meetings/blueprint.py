"""The URL map of the meeting pages, under /meetings."""

from flask import Blueprint

from iscg_module.meetings import controllers

blueprint = Blueprint("meetings", __name__, url_prefix="/meetings")

blueprint.add_url_rule("/", view_func=controllers.index, methods=["GET"])
blueprint.add_url_rule("/<id:meeting_id>", view_func=controllers.show, methods=["GET"])
blueprint.add_url_rule("/new", view_func=controllers.create, methods=["GET", "POST"])
blueprint.add_url_rule("/<id:meeting_id>/edit", view_func=controllers.edit, methods=["GET", "POST"])
blueprint.add_url_rule("/<id:meeting_id>/confirm", view_func=controllers.confirm, methods=["POST"])
blueprint.add_url_rule(
    "/<id:meeting_id>/cancel", view_func=controllers.cancel, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/<id:meeting_id>/agenda", view_func=controllers.agenda, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/<id:meeting_id>/agenda/<id:item_id>/edit",
    view_func=controllers.edit_agenda_item,
    methods=["GET", "POST"],
)
blueprint.add_url_rule(
    "/<id:meeting_id>/agenda/<id:item_id>/delete",
    view_func=controllers.delete_agenda_item,
    methods=["POST"],
)
blueprint.add_url_rule(
    "/<id:meeting_id>/agenda/<id:item_id>/move",
    view_func=controllers.move_agenda_item,
    methods=["POST"],
)
blueprint.add_url_rule(
    "/<id:meeting_id>/registration", view_func=controllers.register, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/<id:meeting_id>/registration/withdraw", view_func=controllers.withdraw, methods=["POST"]
)
blueprint.add_url_rule(
    "/<id:meeting_id>/registrations", view_func=controllers.registrations, methods=["GET"]
)
