"""The example plugin's tables; their names start with the plugin's name."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iscg_module.platform.api import UTCDateTime, db, utc_now

NOTE_MAX = 2000
TOPIC_MAX = 200


class Note(db.Model):
    """A short note on the theme, written by one of its focal points or an admin."""

    __tablename__ = "example_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)


class MeetingTopic(db.Model):
    """The topic a member wants to raise, given with their meeting registration."""

    __tablename__ = "example_meeting_topics"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(TOPIC_MAX))


class EventCount(db.Model):
    """How many times each core event reached the plugin while it was enabled."""

    __tablename__ = "example_event_counts"

    event: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
