"""The accessibility plugin's tables; their names start with ``accessibility_``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.platform.api import Attachment, User, UTCDateTime, db, enum_column, utc_now

TITLE_MAX = 200
OWNER_MAX = 200
BODY_MAX = 120
TEXT_MAX = 4000
CONTRIBUTOR_MAX = 200
DOCUMENTS_MAX = 500


class ItemKind(StrEnum):
    INITIATIVE = "initiative"
    REQUEST = "request"


class ItemStatus(StrEnum):
    """The path of an item: proposed, in preparation, submitted, then decided."""

    PROPOSED = "proposed"
    IN_PREPARATION = "in_preparation"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    DEFERRED = "deferred"


class Item(db.Model):
    """An initiative or a request of the theme, such as a budget line asked of Council."""

    __tablename__ = "accessibility_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[ItemKind] = mapped_column(enum_column(ItemKind))
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(OWNER_MAX))
    target_body: Mapped[str] = mapped_column(String(BODY_MAX))
    target_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ItemStatus] = mapped_column(enum_column(ItemStatus))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    changes: Mapped[list[StatusChange]] = relationship(
        back_populates="item", order_by="StatusChange.id", cascade="all, delete-orphan",
        lazy="selectin",
    )  # fmt: skip


class StatusChange(db.Model):
    """One step of an item's path: from which status to which, on what day, who and why."""

    __tablename__ = "accessibility_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("accessibility_items.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[ItemStatus | None] = mapped_column(
        enum_column(ItemStatus, name="from_status")
    )
    to_status: Mapped[ItemStatus] = mapped_column(enum_column(ItemStatus, name="to_status"))
    on_day: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    item: Mapped[Item] = relationship(back_populates="changes", lazy="joined")
    changed_by: Mapped[User | None] = relationship(lazy="joined")


class FundEntryKind(StrEnum):
    PLEDGE = "pledge"
    PAYMENT = "payment"


class FundEntry(db.Model):
    """A pledge to the ICT Accessibility Fund, or a payment into it."""

    __tablename__ = "accessibility_fund_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[FundEntryKind] = mapped_column(enum_column(FundEntryKind))
    contributor: Mapped[str] = mapped_column(String(CONTRIBUTOR_MAX))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(String(3))
    on_day: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class LiaisonPurpose(StrEnum):
    FOR_ACTION = "for_action"
    FOR_INFORMATION = "for_information"


# The files a liaison statement carries; the constraints are named here, as the names the
# convention would make are longer than PostgreSQL keeps.
liaison_files = Table(
    "accessibility_liaison_files",
    db.metadata,
    Column(
        "statement_id",
        ForeignKey("accessibility_liaison_statements.id", ondelete="CASCADE",
                   name="fk_accessibility_liaison_files_statement"),
        primary_key=True,
    ),
    Column(
        "attachment_id",
        ForeignKey("attachments.id", name="fk_accessibility_liaison_files_attachment"),
        primary_key=True,
        index=True,
    ),
)  # fmt: skip


class LiaisonStatement(db.Model):
    """A formal message on the theme to another group, such as ITU-D Q7/1.

    ``agreed_on`` is the day the ISCG agreed to send it; ``sent_on`` stays empty until it
    leaves, and ``reply_by`` is set only for a statement sent for action.
    """

    __tablename__ = "accessibility_liaison_statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    to_group: Mapped[str] = mapped_column(String(BODY_MAX))
    purpose: Mapped[LiaisonPurpose] = mapped_column(enum_column(LiaisonPurpose))
    summary: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[str] = mapped_column(String(DOCUMENTS_MAX), default="")
    agreed_on: Mapped[date] = mapped_column(Date, index=True)
    sent_on: Mapped[date | None] = mapped_column(Date, index=True)
    reply_by: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    attachments: Mapped[list[Attachment]] = relationship(
        secondary=liaison_files, order_by=Attachment.id, lazy="selectin"
    )


SIGN_LANGUAGE_MAX = 80
OTHER_NEEDS_MAX = 500


class DocumentFormat(StrEnum):
    LARGE_PRINT = "large_print"
    BRAILLE = "braille"
    TAGGED_PDF = "tagged_pdf"
    EASY_TO_READ = "easy_to_read"


class MeetingNeeds(db.Model):
    """What a member needs to take part in a meeting, given with their registration.

    ``sign_language`` is empty when no interpretation is needed, and ``document_format``
    is empty when any accessible format will do. A registration with no need has no row.
    """

    __tablename__ = "accessibility_meeting_needs"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    captioning: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_language: Mapped[str] = mapped_column(String(SIGN_LANGUAGE_MAX), default="")
    accessible_documents: Mapped[bool] = mapped_column(Boolean, default=False)
    document_format: Mapped[DocumentFormat | None] = mapped_column(enum_column(DocumentFormat))
    other_needs: Mapped[str] = mapped_column(String(OTHER_NEEDS_MAX), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
