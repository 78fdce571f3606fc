"""Calendar routes: the public feed, single-meeting files and the subscription page."""

from flask import Blueprint

blueprint = Blueprint("calendars", __name__)

from iscg_module.calendars import controllers  # noqa: E402,F401  (registers the routes)
