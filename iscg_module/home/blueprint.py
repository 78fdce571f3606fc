"""The landing page: what comes next, and how to follow it."""

from flask import Blueprint, render_template

from iscg_module.access import PUBLIC, require
from iscg_module.meetings.queries import past_meetings, upcoming_meetings

blueprint = Blueprint("home", __name__)

RECENT_MEETINGS = 3


@blueprint.get("/")
@require(PUBLIC)
def index() -> str:
    recent, _ = past_meetings(page=1)
    return render_template(
        "home/index.html",
        upcoming=upcoming_meetings(limit=5),
        recent=recent[:RECENT_MEETINGS],
    )
