"""The AI plugin's tables; their names start with ``ai_``.

A report is a core theme update of the theme "ai". Each save of the update form keeps one
``Report`` row for the update's version being saved, with its own activities and terms
of reference, so every version keeps what it said; a version that no save of this plugin
wrote (a submission, a publication) holds the data of the latest save before it.
An activity's sector is one of the core's ``Sector`` values, stored as it is.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.platform.api import Sector, UTCDateTime, db, enum_column, utc_now

GROUP_MAX = 80
TITLE_MAX = 200
NEXT_STEP_MAX = 500
LINK_MAX = 500
TERMS_MAX = 10_000
ACTIVITIES_MAX = 60


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CLOSED = "closed"


class Report(db.Model):
    """What one version of an AI report held beyond the core update: activities and ToR."""

    __tablename__ = "ai_reports"
    __table_args__ = (UniqueConstraint("update_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("theme_updates.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    terms_of_reference: Mapped[str] = mapped_column(Text, default="")
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    activities: Mapped[list[Activity]] = relationship(
        back_populates="report", order_by="Activity.position", cascade="all, delete-orphan",
        lazy="selectin",
    )  # fmt: skip


class Activity(db.Model):
    """One AI activity a report lists: where in the Union, what, how far, what next."""

    __tablename__ = "ai_activities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("ai_reports.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    sector: Mapped[Sector] = mapped_column(enum_column(Sector))
    group: Mapped[str] = mapped_column(String(GROUP_MAX), default="")
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    status: Mapped[ActivityStatus] = mapped_column(enum_column(ActivityStatus))
    next_step: Mapped[str] = mapped_column(String(NEXT_STEP_MAX), default="")
    link: Mapped[str] = mapped_column(String(LINK_MAX), default="")

    report: Mapped[Report] = relationship(back_populates="activities")
