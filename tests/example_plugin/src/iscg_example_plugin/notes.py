"""What the example plugin does with its data: every change goes through here."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from iscg_example_plugin.models import TOPIC_MAX, EventCount, MeetingTopic, Note
from iscg_module.platform.api import (
    OperationRefused,
    ReportPeriod,
    db,
    record_audit,
    transactional,
)


@transactional
def write_note(author: Any, body: str) -> Note:
    """Keep a note on the theme, with an audit entry, in one transaction."""
    note = Note(body=body.strip(), author_id=author.id)
    db.session.add(note)
    db.session.flush()
    record_audit(author, "example.note_written", "example_note", note.id)
    return note


def latest_notes(count: int) -> list[Note]:
    return list(db.session.scalars(select(Note).order_by(Note.written_at.desc()).limit(count)))


def notes_of(period: ReportPeriod) -> list[Note]:
    """The notes written on the days of ``period`` (UTC days)."""
    start = datetime.combine(period.first_day, time(), UTC)
    end = datetime.combine(period.last_day + timedelta(days=1), time(), UTC)
    query = select(Note).where(Note.written_at >= start, Note.written_at < end)
    return list(db.session.scalars(query.order_by(Note.written_at)))


def topic_of(registration_id: int) -> str:
    topic = db.session.get(MeetingTopic, registration_id)
    return topic.topic if topic else ""


def topics_of_meeting(meeting_id: int) -> list[str]:
    query = select(MeetingTopic.topic).where(MeetingTopic.meeting_id == meeting_id)
    return list(db.session.scalars(query.order_by(MeetingTopic.topic)))


def save_topic(registration_id: int, meeting_id: int, topic: str) -> None:
    """Keep (or clear) a registration's topic; the caller's transaction commits it."""
    if len(topic) > TOPIC_MAX:
        raise OperationRefused(f"A topic has at most {TOPIC_MAX} characters.")
    row = db.session.get(MeetingTopic, registration_id)
    if not topic:
        if row is not None:
            db.session.delete(row)
        return
    if row is None:
        row = MeetingTopic(registration_id=registration_id, meeting_id=meeting_id, topic=topic)
        db.session.add(row)
    row.topic = topic


def count_event(event: str) -> None:
    """Count ``event``; the core runs each handler in a transaction of its own, after the
    change the event tells of was committed."""
    row = db.session.get(EventCount, event) or EventCount(event=event, count=0)
    row.count += 1
    db.session.add(row)


def event_counts() -> list[EventCount]:
    return list(db.session.scalars(select(EventCount).order_by(EventCount.event)))
