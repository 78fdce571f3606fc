"""The feeds the product publishes: which meetings, for whom, under which version."""

from __future__ import annotations

from flask import current_app, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from iscg_module.calendars.feed_builder import FeedSpec, build_calendar
from iscg_module.calendars.feed_version import FeedVersion, feed_version, meeting_version
from iscg_module.calendars.version_cache import cached_version
from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting

PUBLIC_FEED = FeedSpec(
    name="ISCG meetings",
    description="Meetings of the Inter-Sector Coordination Group (ITU-R, ITU-T, ITU-D and the "
    "General Secretariat).",
    show_join_links=False,
)


PUBLIC_FEED_PATH = "/calendar.ics"
PUBLIC_FEED_KEY = "public"
PUBLIC_FEED_FILE = "iscg-meetings.ics"
# The personal feed lives at PERSONAL_FEED_PREFIX + token + PERSONAL_FEED_SUFFIX.
PERSONAL_FEED_PREFIX = "/calendar/"
PERSONAL_FEED_SUFFIX = ".ics"
PERSONAL_FEED_KEY = "personal"
PERSONAL_FEED_FILE = "iscg-meetings.ics"
PERSONAL_FEED = FeedSpec(
    name="ISCG meetings (personal)",
    description="Meetings of the Inter-Sector Coordination Group, with the join links of "
    "online meetings. This calendar's address is personal: do not share it.",
    show_join_links=True,
)


def meeting_page_url(meeting: Meeting) -> str:
    return url_for("meetings.show", meeting_id=meeting.id, _external=True)


def _organizer() -> str:
    return current_app.config["ISCG_SECRETARIAT_EMAIL"]


def public_feed_version() -> FeedVersion:
    return cached_version(PUBLIC_FEED_KEY, lambda: feed_version(PUBLIC_FEED_KEY))


def _all_meetings() -> list[Meeting]:
    return list(
        db.session.scalars(
            select(Meeting)
            .options(selectinload(Meeting.agenda_items))
            .order_by(Meeting.sort_starts_at, Meeting.id)
        )
    )


def build_public_feed() -> bytes:
    """Every meeting, cancelled ones included, without join links."""
    return build_calendar(_all_meetings(), PUBLIC_FEED, meeting_page_url, _organizer())


def personal_feed_version() -> FeedVersion:
    return cached_version(PERSONAL_FEED_KEY, lambda: feed_version(PERSONAL_FEED_KEY))


def build_personal_feed() -> bytes:
    """Every meeting a member may see, with join links: what a personal link serves."""
    return build_calendar(_all_meetings(), PERSONAL_FEED, meeting_page_url, _organizer())


def single_meeting_version(meeting: Meeting, show_join_links: bool) -> FeedVersion:
    return meeting_version(f"meeting:{'member' if show_join_links else 'public'}", meeting)


def build_single_meeting(meeting: Meeting, show_join_links: bool) -> bytes:
    spec = FeedSpec(
        name=meeting.title, description=PUBLIC_FEED.description, show_join_links=show_join_links
    )
    return build_calendar([meeting], spec, meeting_page_url, _organizer())
