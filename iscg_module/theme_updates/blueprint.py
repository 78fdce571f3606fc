"""Theme updates under /themes/<slug>/updates/."""

from flask import Blueprint

blueprint = Blueprint("theme_updates", __name__, url_prefix="/themes")

from iscg_module.theme_updates import controllers  # noqa: E402, F401  (routes register here)
