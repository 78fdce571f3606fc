"""A member's registration to attend a meeting; theme plugins attach their own answers to it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.database.enum_column import enum_column
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model
from iscg_module.users.models import User

if TYPE_CHECKING:
    from iscg_module.meetings.models.meeting import Meeting


class Attendance(StrEnum):
    IN_ROOM = "in_room"
    ONLINE = "online"


class Registration(Model):
    """Kept when withdrawn (``withdrawn_at`` set) so that answers attached to it survive."""

    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    attendance: Mapped[Attendance] = mapped_column(enum_column(Attendance))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="registrations")
    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
