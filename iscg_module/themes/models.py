"""Themes of the group, from proposed to active to closed."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iscg_module.database.enum_column import enum_column
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model


class ThemeStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    CLOSED = "closed"


class Theme(Model):
    """A subject of mutual interest that the Sectors coordinate, with its focal points."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ThemeStatus] = mapped_column(enum_column(ThemeStatus))
    proposed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
