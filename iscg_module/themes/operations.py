"""Creating and changing themes, with the audit log."""

from __future__ import annotations

from sqlalchemy import select

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.extensions import db
from iscg_module.themes.models import Theme, ThemeStatus
from iscg_module.users.models import User


@transactional
def ensure_theme(
    actor: User | None,
    slug: str,
    title: str,
    description: str,
    status: ThemeStatus,
    proposed_by: str | None = None,
) -> Theme:
    """The theme ``slug``, created if it does not exist yet (an existing one is left as is)."""
    theme = db.session.scalar(select(Theme).where(Theme.slug == slug))
    if theme is not None:
        return theme
    theme = Theme(
        slug=slug, title=title, description=description, status=status, proposed_by=proposed_by
    )
    db.session.add(theme)
    db.session.flush()
    record(actor, "theme.created", "theme", theme.id, slug=slug, status=status.value)
    return theme
