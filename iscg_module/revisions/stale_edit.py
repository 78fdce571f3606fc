"""Refusing a save made against a revision that is no longer the record's.

An edit operation locks the record's row first (``lock_for_change``), so that two saves of
one record run one after the other, then asks ``refuse_stale_edit`` with the revision the
editor opened: if any field changed since, nothing is saved and the refusal names the
fields and who saved them, from the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.revisions.revision import Revision
from iscg_module.users.models import User

NAMES_SHOWN = 5


class StaleEdit(OperationRefused):
    """Someone saved the record after the editor opened it; the editor's save is refused."""

    def __init__(self, fields: list[str], editors: list[str], current: Mapping[str, Any]) -> None:
        self.fields = fields
        self.editors = editors
        self.current = current
        who = ", ".join(editors) if editors else "someone else"
        super().__init__(
            f"{who} saved changes to this record since you opened it. Nothing of yours was "
            "saved, so that their changes are not lost."
        )


def lock_for_change(record: Any) -> None:
    """Read the record's row again and hold it until the transaction ends.

    On PostgreSQL a second save of the same record waits here for the first to commit, then
    sees its values; SQLite lets one writer at a time through anyway. What this transaction
    changed already is flushed first, so that reading again keeps it.
    """
    db.session.flush()
    # Only the record's own row: PostgreSQL locks no row of a table joined to load it.
    db.session.refresh(record, with_for_update={"of": type(record)})


def refuse_stale_edit(
    opened: Revision | None,
    current: Mapping[str, Any],
    subject_type: str,
    subject_id: int | None,
) -> None:
    """Raise ``StaleEdit`` when a field of ``current`` differs from what ``opened`` saw.

    ``opened`` is None when the client did not say what it edited (the command line, an
    importer, an API call without ``If-Match``): there is then nothing to compare with.
    """
    if opened is None:
        return
    changed = opened.changed_in(current)
    if changed:
        raise StaleEdit(changed, _editors_since(opened, subject_type, subject_id), current)


def open_revision(values: Mapping[str, Any]) -> Revision:
    """The revision of a record with these editable values, as an editor opens it now."""
    last_entry = db.session.scalar(select(func.max(AuditEntry.id))) or 0
    return Revision.of(values, last_entry)


def _editors_since(opened: Revision, subject_type: str, subject_id: int | None) -> list[str]:
    """Who wrote to the audit log about the record after ``opened``, first one first."""
    query = (
        select(User.display_name)
        .join(AuditEntry, AuditEntry.actor_id == User.id)
        .where(
            AuditEntry.subject_type == subject_type,
            AuditEntry.subject_id.is_(None)
            if subject_id is None
            else AuditEntry.subject_id == subject_id,
            AuditEntry.id > opened.seen_entry,
        )
        .group_by(User.display_name)
        .order_by(func.min(AuditEntry.id))
        .limit(NAMES_SHOWN)
    )
    return list(db.session.scalars(query))
