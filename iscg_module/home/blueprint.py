"""The landing page: what comes next, how to follow it, and the enabled themes' widgets."""

from flask import Blueprint, render_template
from flask_login import current_user
from markupsafe import Markup

from iscg_module.access import PUBLIC, require
from iscg_module.meetings.queries import past_meetings, upcoming_meetings
from iscg_module.platform.dashboard import DashboardWidget, dashboard_widgets

blueprint = Blueprint("home", __name__)

RECENT_MEETINGS = 3
UPCOMING_MEETINGS = 5


@blueprint.get("/")
@require(PUBLIC)
def index() -> str:
    upcoming, _ = upcoming_meetings(size=UPCOMING_MEETINGS)
    recent, _ = past_meetings(size=RECENT_MEETINGS)
    widgets = dashboard_widgets(current_user) if current_user.is_authenticated else []
    drawn = [(widget.title, _draw(widget)) for widget in widgets]
    return render_template("home/index.html", upcoming=upcoming, recent=recent, widgets=drawn)


def _draw(widget: DashboardWidget) -> Markup:
    """The widget's HTML: its template is autoescaped, so its output is safe to embed."""
    return Markup(render_template(widget.template, **widget.context))
