"""Reading members and the audit log for the admin pages, a page at a time."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from iscg_module.audit.models import AuditEntry
from iscg_module.database.paging import page_of
from iscg_module.extensions import db
from iscg_module.themes.models import Theme
from iscg_module.users.models import RoleGrant, User

PAGE_SIZE = 50


def users_page(page: int) -> tuple[list[User], bool]:
    """Members by name, their role grants loaded with them."""
    return page_of(select(User).order_by(User.display_name, User.id), page, PAGE_SIZE)


def user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def grant_or_404(user: User, grant_id: int) -> RoleGrant:
    grant = db.session.get(RoleGrant, grant_id)
    if grant is None or grant.user_id != user.id:
        abort(404)
    return grant


def all_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.title)))


def audit_actions() -> list[str]:
    """Every action the log holds, for the filter."""
    return list(
        db.session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    )


def audit_page(page: int, action: str | None) -> tuple[list[AuditEntry], bool]:
    """Entries, newest first, with their actors, optionally of one action only."""
    query = (
        select(AuditEntry)
        .options(selectinload(AuditEntry.actor))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    if action:
        query = query.where(AuditEntry.action == action)
    return page_of(query, page, PAGE_SIZE)
