"""Calendar views: feeds for calendar clients and the page that explains subscribing."""

from __future__ import annotations

from flask import Response, render_template, url_for
from flask_login import current_user

from iscg_module.access import PUBLIC, require
from iscg_module.calendars.blueprint import blueprint
from iscg_module.calendars.conditional_get import calendar_response
from iscg_module.calendars.feeds import (
    PUBLIC_FEED,
    build_public_feed,
    build_single_meeting,
    public_feed_version,
    single_meeting_version,
)
from iscg_module.calendars.subscribe_links import (
    google_subscribe_url,
    outlook_subscribe_url,
    webcal_url,
)
from iscg_module.meetings.queries import meeting_or_404


@blueprint.get("/calendar.ics")
@require(PUBLIC)
def public_feed() -> Response:
    return calendar_response(
        public_feed_version(), build_public_feed, private=False, filename="iscg-meetings.ics"
    )


@blueprint.get("/meetings/<int:meeting_id>.ics")
@require(PUBLIC)
def meeting_file(meeting_id: int) -> Response:
    """One meeting; members signed in get the join link, so their copy is private."""
    meeting = meeting_or_404(meeting_id)
    members_copy = current_user.is_authenticated
    return calendar_response(
        single_meeting_version(meeting, members_copy),
        lambda: build_single_meeting(meeting, members_copy),
        private=members_copy,
        filename=f"iscg-meeting-{meeting.id}.ics",
    )


@blueprint.get("/calendar")
@require(PUBLIC)
def subscribe() -> str:
    feed_url = url_for("calendars.public_feed", _external=True)
    return render_template(
        "calendars/subscribe.html",
        feed_url=feed_url,
        webcal=webcal_url(feed_url),
        google=google_subscribe_url(feed_url),
        outlook=outlook_subscribe_url(feed_url, PUBLIC_FEED.name),
    )
