"""The landing page: what comes next, and how to follow it."""

from flask import Blueprint, render_template

from iscg_module.access import PUBLIC, require
from iscg_module.meetings.queries import past_meetings, upcoming_meetings

blueprint = Blueprint("home", __name__)

RECENT_MEETINGS = 3
UPCOMING_MEETINGS = 5


@blueprint.get("/")
@require(PUBLIC)
def index() -> str:
    upcoming, _ = upcoming_meetings(size=UPCOMING_MEETINGS)
    recent, _ = past_meetings(size=RECENT_MEETINGS)
    return render_template("home/index.html", upcoming=upcoming, recent=recent)
