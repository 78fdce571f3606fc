"""The URL map of sign-in and sign-out, under /auth."""

from flask import Blueprint

from iscg_module.auth import controllers

blueprint = Blueprint("auth", __name__, url_prefix="/auth")

blueprint.add_url_rule("/login", view_func=controllers.sign_in, methods=["GET", "POST"])
blueprint.add_url_rule("/callback", view_func=controllers.callback, methods=["GET"])
blueprint.add_url_rule("/logout", view_func=controllers.sign_out, methods=["POST"])
