"""A meeting of the group, either at exact times or, while tentative, within a window of dates."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import CheckConstraint, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.database.enum_column import enum_column
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model
from iscg_module.meetings.kinds import MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import DateWindow, ExactTimes

if TYPE_CHECKING:
    from iscg_module.meetings.models.agenda_item import AgendaItem
    from iscg_module.meetings.models.registration import Registration

TITLE_MAX = 200
DESCRIPTION_MAX = 20_000
PLATFORM_MAX = 80
JOIN_URL_MAX = 500
VENUE_MAX = 200
UID_DOMAIN = "iscg-module"


def new_meeting_uid() -> str:
    """A UID that never changes and is derived from nothing editable (RFC 5545, 3.8.4.7)."""
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


class Meeting(Model):
    """A meeting. Exact times (UTC) and a date window are exclusive: see the table's checks.

    ``sequence`` counts the changes calendar clients must see (iCalendar SEQUENCE);
    ``revision`` counts every change, so feed versions move even when SEQUENCE does not.
    ``sort_starts_at``/``sort_ends_at`` hold the span in UTC for either kind of schedule.
    """

    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(
            "(starts_at IS NOT NULL AND ends_at IS NOT NULL"
            " AND earliest_date IS NULL AND latest_date IS NULL)"
            " OR (starts_at IS NULL AND ends_at IS NULL"
            " AND earliest_date IS NOT NULL AND latest_date IS NOT NULL)",
            name="exact_times_or_window",
        ),
        CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="ends_after_start"),
        CheckConstraint(
            "latest_date IS NULL OR latest_date >= earliest_date", name="window_in_order"
        ),
        CheckConstraint("sort_ends_at > sort_starts_at", name="span_in_order"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_meeting_uid)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    earliest_date: Mapped[date | None] = mapped_column(Date)
    latest_date: Mapped[date | None] = mapped_column(Date)
    sort_starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    sort_ends_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    format: Mapped[MeetingFormat] = mapped_column(enum_column(MeetingFormat))
    platform: Mapped[str | None] = mapped_column(String(PLATFORM_MAX))
    join_url: Mapped[str | None] = mapped_column(String(JOIN_URL_MAX))
    venue: Mapped[str | None] = mapped_column(String(VENUE_MAX))
    status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="(AgendaItem.position, AgendaItem.id)",
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def has_exact_times(self) -> bool:
        return self.starts_at is not None

    @property
    def schedule(self) -> ExactTimes | DateWindow:
        """The exact times in the meeting's zone, or the window of dates while tentative.

        The table's checks hold one or the other, never both and never half of one.
        """
        if self.starts_at is not None and self.ends_at is not None:
            return ExactTimes(
                self.starts_at.astimezone(self.zone), self.ends_at.astimezone(self.zone)
            )
        if self.earliest_date is None or self.latest_date is None:
            raise ValueError(f"meeting {self.id} holds neither exact times nor a window")
        return DateWindow(self.earliest_date, self.latest_date)

    @property
    def is_cancelled(self) -> bool:
        return self.status is MeetingStatus.CANCELLED

    @property
    def local_starts_at(self) -> datetime | None:
        return self.starts_at.astimezone(self.zone) if self.starts_at else None

    @property
    def local_ends_at(self) -> datetime | None:
        return self.ends_at.astimezone(self.zone) if self.ends_at else None

    def __repr__(self) -> str:
        return f"<Meeting {self.id} {self.title!r} {self.status.value}>"
