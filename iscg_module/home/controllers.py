"""The landing page's view: what comes next, how to follow it, and the enabled themes' widgets."""

from flask import render_template
from flask_login import current_user

from iscg_module.access import PUBLIC, require
from iscg_module.meetings.queries import past_meetings, upcoming_meetings
from iscg_module.platform.panels import dashboard_widgets
from iscg_module.web.panel_drawing import draw

RECENT_MEETINGS = 3
UPCOMING_MEETINGS = 5


@require(PUBLIC)
def index() -> str:
    upcoming, _ = upcoming_meetings(size=UPCOMING_MEETINGS)
    recent, _ = past_meetings(size=RECENT_MEETINGS)
    widgets = dashboard_widgets(current_user) if current_user.is_authenticated else []
    return render_template(
        "home/index.html", upcoming=upcoming, recent=recent, widgets=draw(widgets)
    )
