"""Writing to the audit log, inside the caller's transaction."""

from typing import Any

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.users.models import User


def record(
    actor: User | None,
    action: str,
    subject_type: str,
    subject_id: int | None,
    **details: Any,
) -> AuditEntry:
    """Add an audit entry to the current session; the operation that calls it commits."""
    entry = AuditEntry(
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        details=details,
    )
    db.session.add(entry)
    return entry
