"""A theme update and every version of it, kept for the theme's history."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.attachments.models import Attachment
from iscg_module.database.enum_column import enum_column
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model, db
from iscg_module.themes.models import Theme
from iscg_module.users.models import User

TITLE_MAX = 200
BODY_MAX = 20_000
COMMENT_MAX = 2_000
LINKS_MAX = 20
LINK_LABEL_MAX = 200
LINK_URL_MAX = 500
ATTACHMENTS_MAX = 20


class UpdateStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PUBLISHED = "published"


class VersionAction(StrEnum):
    """What made a version: each save, submission, return and publication is one."""

    SAVED = "saved"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PUBLISHED = "published"


# Which attachments an update holds, and which each of its versions held. An attachment
# that an update or a version names cannot be deleted (no cascade from "attachments").
update_attachments = Table(
    "theme_update_attachments",
    db.metadata,
    Column("update_id", ForeignKey("theme_updates.id", ondelete="CASCADE"), primary_key=True),
    Column("attachment_id", ForeignKey("attachments.id"), primary_key=True, index=True),
)
version_attachments = Table(
    "theme_version_attachments",  # short enough for PostgreSQL's names of its constraints
    db.metadata,
    Column(
        "version_id", ForeignKey("theme_update_versions.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("attachment_id", ForeignKey("attachments.id"), primary_key=True, index=True),
)


class ThemeUpdate(Model):
    """The current state of an update; its ``versions`` keep every earlier one."""

    __tablename__ = "theme_updates"
    __table_args__ = (CheckConstraint("period_end >= period_start", name="period_in_order"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[UpdateStatus] = mapped_column(enum_column(UpdateStatus))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    links: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=0)
    return_comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    theme: Mapped[Theme] = relationship(lazy="joined")
    author: Mapped[User | None] = relationship(lazy="joined")
    versions: Mapped[list[ThemeUpdateVersion]] = relationship(
        back_populates="update",
        order_by="ThemeUpdateVersion.number",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    attachments: Mapped[list[Attachment]] = relationship(
        secondary=update_attachments, order_by=Attachment.id, lazy="selectin"
    )

    @property
    def is_editable(self) -> bool:
        return self.status in (UpdateStatus.DRAFT, UpdateStatus.RETURNED)


class ThemeUpdateVersion(Model):
    """The update's content as one action left it, with who acted, when and why."""

    __tablename__ = "theme_update_versions"
    __table_args__ = (UniqueConstraint("update_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("theme_updates.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[VersionAction] = mapped_column(enum_column(VersionAction))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    links: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    acted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    update: Mapped[ThemeUpdate] = relationship(back_populates="versions")
    actor: Mapped[User | None] = relationship(lazy="joined")
    # Loaded when a version's page reads them: the update's page lists every version.
    attachments: Mapped[list[Attachment]] = relationship(
        secondary=version_attachments, order_by=Attachment.id
    )
