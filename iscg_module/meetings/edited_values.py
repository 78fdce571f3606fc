"""What an editor of a meeting or an agenda item sees, field by field, for edit conflicts.

The names are the edit forms' field names, so that a refused save names the fields by the
labels the editor reads; times are the stored UTC instants.
"""

from __future__ import annotations

from typing import Any

from iscg_module.meetings.models import AgendaItem, Meeting


def meeting_values(meeting: Meeting) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "description": meeting.description,
        "timezone": meeting.timezone,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "earliest_date": meeting.earliest_date,
        "latest_date": meeting.latest_date,
        "format": meeting.format.value,
        "platform": meeting.platform,
        "join_url": meeting.join_url,
        "venue": meeting.venue,
        "status": meeting.status.value,
    }


def agenda_item_values(item: AgendaItem) -> dict[str, Any]:
    return {"title": item.title, "presenter": item.presenter, "notes": item.notes}
