"""Links that put the group's meetings into members' calendar applications."""

from __future__ import annotations

from datetime import UTC, timedelta
from urllib.parse import urlencode, urlsplit, urlunsplit

from flask import url_for

from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import DateWindow, ExactTimes

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.office.com/calendar/0/deeplink/compose"
OUTLOOK_SUBSCRIBE = "https://outlook.office.com/calendar/0/addfromweb"


def webcal_url(feed_url: str) -> str:
    """The ``webcal://`` form of a feed's address, which calendar apps open as a subscription."""
    parts = urlsplit(feed_url)
    return urlunsplit(("webcal", *parts[1:]))


def google_subscribe_url(feed_url: str) -> str:
    return f"{GOOGLE_CALENDAR}?{urlencode({'cid': webcal_url(feed_url)})}"


def outlook_subscribe_url(feed_url: str, name: str) -> str:
    return f"{OUTLOOK_SUBSCRIBE}?{urlencode({'url': feed_url, 'name': name})}"


def meeting_calendar_links(meeting: Meeting) -> dict[str, str]:
    """The 'add to calendar' links of one meeting's page."""
    page_url = url_for("meetings.show", meeting_id=meeting.id, _external=True)
    return {
        "google": google_event_url(meeting, page_url),
        "outlook": outlook_event_url(meeting, page_url),
        "webcal": webcal_url(url_for("calendars.public_feed", _external=True)),
    }


def google_event_url(meeting: Meeting, page_url: str) -> str:
    """Google Calendar's 'add event' page, pre-filled; all-day dates for a window."""
    start, end = _span(meeting)
    query = {
        "action": "TEMPLATE",
        "text": meeting.title,
        "dates": f"{start}/{end}",
        "details": page_url,
        "ctz": meeting.timezone,
    }
    return f"{GOOGLE_CALENDAR}?{urlencode(query)}"


def outlook_event_url(meeting: Meeting, page_url: str) -> str:
    """Outlook on the web's compose page, pre-filled."""
    match meeting.schedule:
        case ExactTimes(starts_at, ends_at):
            start, end = starts_at.astimezone(UTC).isoformat(), ends_at.astimezone(UTC).isoformat()
            all_day = "false"
        case DateWindow(earliest, latest):
            start, end = earliest.isoformat(), (latest + timedelta(days=1)).isoformat()
            all_day = "true"
    query = {
        "subject": meeting.title,
        "startdt": start,
        "enddt": end,
        "allday": all_day,
        "body": page_url,
        "path": "/calendar/action/compose",
        "rru": "addevent",
    }
    return f"{OUTLOOK_COMPOSE}?{urlencode(query)}"


def _span(meeting: Meeting) -> tuple[str, str]:
    match meeting.schedule:
        case ExactTimes(starts_at, ends_at):
            fmt = "%Y%m%dT%H%M%SZ"
            return starts_at.astimezone(UTC).strftime(fmt), ends_at.astimezone(UTC).strftime(fmt)
        case DateWindow(earliest, latest):
            end = latest + timedelta(days=1)
            return earliest.strftime("%Y%m%d"), end.strftime("%Y%m%d")
