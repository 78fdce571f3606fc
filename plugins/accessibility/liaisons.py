"""Liaison statements on the accessibility theme: to whom, why, when sent, reply expected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from iscg_accessibility.models import (
    BODY_MAX,
    DOCUMENTS_MAX,
    TEXT_MAX,
    TITLE_MAX,
    LiaisonPurpose,
    LiaisonStatement,
    liaison_files,
)
from sqlalchemy import or_, select

from iscg_module.platform.api import (
    OperationRefused,
    Revision,
    db,
    lock_for_change,
    record_audit,
    refuse_stale_edit,
    store_attachments,
    transactional,
    utc_now,
)

FILES_MAX = 10
LIAISON_COLUMNS = (
    "title", "to_group", "purpose", "summary", "documents", "agreed_on", "sent_on", "reply_by",
)  # fmt: skip

PURPOSE_LABELS = {
    LiaisonPurpose.FOR_ACTION: "for action",
    LiaisonPurpose.FOR_INFORMATION: "for information",
}


class LiaisonRuleError(OperationRefused):
    """A liaison statement whose dates or purpose do not hold together."""


@dataclass(frozen=True)
class LiaisonDetails:
    """What a liaison statement says of itself; checked whoever records it (form or CLI)."""

    title: str
    to_group: str
    purpose: LiaisonPurpose
    agreed_on: date
    sent_on: date | None = None
    reply_by: date | None = None
    summary: str = ""
    documents: str = ""

    def __post_init__(self) -> None:
        for name, limit in (("title", TITLE_MAX), ("to_group", BODY_MAX)):
            value = getattr(self, name)
            if not value.strip() or len(value) > limit:
                raise LiaisonRuleError(
                    f"Give the {name.replace('_', ' ')} in 1 to {limit} characters."
                )
        if len(self.summary) > TEXT_MAX or len(self.documents) > DOCUMENTS_MAX:
            raise LiaisonRuleError("The summary or the document list is too long.")
        if self.sent_on is not None and self.sent_on < self.agreed_on:
            raise LiaisonRuleError("A statement cannot be sent before the day it was agreed.")
        if self.reply_by is not None:
            if self.purpose is not LiaisonPurpose.FOR_ACTION:
                raise LiaisonRuleError("Only a statement sent for action expects a reply.")
            if self.reply_by < (self.sent_on or self.agreed_on):
                raise LiaisonRuleError("The reply cannot be expected before the statement leaves.")


@dataclass(frozen=True)
class LiaisonFiles:
    """Files to attach (werkzeug ``FileStorage``s) and the ids of attached ones to take off."""

    new: Sequence[Any] = ()
    removed: frozenset[int] = frozenset()


@transactional
def record_liaison(
    actor: Any, details: LiaisonDetails, files: LiaisonFiles = LiaisonFiles()
) -> LiaisonStatement:
    statement = LiaisonStatement(**_columns(details), recorded_by_id=actor.id if actor else None)
    db.session.add(statement)
    _attach(actor, statement, files)
    db.session.flush()
    record_audit(actor, "accessibility.liaison_recorded", "accessibility_liaison", statement.id,
                 attachments=[item.id for item in statement.attachments])  # fmt: skip
    return statement


@transactional
def change_liaison(
    actor: Any,
    statement: LiaisonStatement,
    details: LiaisonDetails,
    files: LiaisonFiles = LiaisonFiles(),
    opened: Revision | None = None,
) -> LiaisonStatement:
    """Correct a statement or note that it was sent; the audit log names what changed.

    ``opened`` is the revision the editor saw: if the statement changed since, nothing is saved.
    """
    lock_for_change(statement)
    refuse_stale_edit(opened, liaison_values(statement), "accessibility_liaison", statement.id)
    columns = _columns(details)
    changed = sorted(name for name, value in columns.items() if getattr(statement, name) != value)
    for name, value in columns.items():
        setattr(statement, name, value)
    if files.new or files.removed:
        changed.append("attachments")
    _attach(actor, statement, files)
    statement.updated_at = utc_now()
    record_audit(actor, "accessibility.liaison_changed", "accessibility_liaison", statement.id,
                 changed=changed)  # fmt: skip
    return statement


def liaison_values(statement: LiaisonStatement) -> dict[str, Any]:
    """What the edit form shows of ``statement``, by its fields' names, for edit conflicts."""
    columns = {name: getattr(statement, name) for name in LIAISON_COLUMNS}
    return {**columns, "remove_files": [item.id for item in statement.attachments]}


def _attach(actor: Any, statement: LiaisonStatement, files: LiaisonFiles) -> None:
    """Take off the removed files, then store and attach the new ones, within the limit."""
    kept = [item for item in statement.attachments if item.id not in files.removed]
    if len(kept) + len(files.new) > FILES_MAX:
        raise LiaisonRuleError(
            f"A liaison statement carries at most {FILES_MAX} files; take some off first."
        )
    statement.attachments = kept + store_attachments(actor, list(files.new))


def _columns(details: LiaisonDetails) -> dict[str, Any]:
    columns = asdict(details)
    for name in ("title", "to_group", "summary", "documents"):
        columns[name] = columns[name].strip()
    return columns


def all_liaisons() -> list[LiaisonStatement]:
    """Statements still to send first, then the sent ones, the latest first."""
    query = select(LiaisonStatement).order_by(
        LiaisonStatement.sent_on.is_not(None),
        LiaisonStatement.sent_on.desc(),
        LiaisonStatement.agreed_on.desc(),
        LiaisonStatement.id.desc(),
    )
    return list(db.session.scalars(query))


def liaisons_between(first_day: date, last_day: date) -> list[LiaisonStatement]:
    """Statements agreed or sent within the period, in the order they were agreed."""

    def within(column: Any) -> Any:
        return column.between(first_day, last_day)

    query = select(LiaisonStatement).where(
        or_(within(LiaisonStatement.agreed_on), within(LiaisonStatement.sent_on))
    )
    return list(db.session.scalars(query.order_by(LiaisonStatement.agreed_on, LiaisonStatement.id)))


def liaison_by_title(title: str) -> LiaisonStatement | None:
    return db.session.scalar(select(LiaisonStatement).where(LiaisonStatement.title == title))


def holds_attachment(attachment_id: int) -> bool:
    """Whether a liaison statement carries the file (members may read every statement)."""
    query = select(liaison_files.c.statement_id).where(
        liaison_files.c.attachment_id == attachment_id
    )
    return db.session.scalar(query.limit(1)) is not None
