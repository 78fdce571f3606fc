"""The URL map of calendars: the public feed, single-meeting files and the subscription page."""

from flask import Blueprint

from iscg_module.calendars import controllers
from iscg_module.calendars.feeds import (
    PERSONAL_FEED_PREFIX,
    PERSONAL_FEED_SUFFIX,
    PUBLIC_FEED_PATH,
)

blueprint = Blueprint("calendars", __name__)

blueprint.add_url_rule(PUBLIC_FEED_PATH, view_func=controllers.public_feed, methods=["GET"])
blueprint.add_url_rule(
    "/meetings/<id:meeting_id>.ics", view_func=controllers.meeting_file, methods=["GET"]
)
blueprint.add_url_rule("/calendar", view_func=controllers.subscribe, methods=["GET"])
blueprint.add_url_rule(
    f"{PERSONAL_FEED_PREFIX}<token>{PERSONAL_FEED_SUFFIX}",
    view_func=controllers.personal_feed,
    methods=["GET"],
)
blueprint.add_url_rule(
    "/calendar/links", view_func=controllers.subscriptions, methods=["GET", "POST"]
)
blueprint.add_url_rule(
    "/calendar/links/<id:subscription_id>/revoke", view_func=controllers.revoke, methods=["POST"]
)
