"""Creating accounts and granting roles, with the audit log."""

from __future__ import annotations

from sqlalchemy import select

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.extensions import db
from iscg_module.themes.models import Theme
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import Role, RoleSource, Sector


def find_or_create_user(issuer: str, subject: str) -> User:
    """The account for (issuer, subject), added to the session if new (not committed)."""
    user = db.session.scalar(select(User).where(User.issuer == issuer, User.subject == subject))
    if user is None:
        user = User(issuer=issuer, subject=subject, display_name=subject)
        db.session.add(user)
        db.session.flush()
        record(None, "user.created", "user", user.id, issuer=issuer)
    return user


@transactional
def ensure_user(issuer: str, subject: str, email: str | None, display_name: str) -> User:
    """The account for (issuer, subject), created if new; email and name refreshed."""
    user = find_or_create_user(issuer, subject)
    user.email, user.display_name = email, display_name
    db.session.commit()
    return user


@transactional
def grant_role(
    actor: User | None,
    user: User,
    role: Role,
    source: RoleSource,
    theme: Theme | None = None,
    sector: Sector | None = None,
) -> RoleGrant:
    """Give ``user`` a role (once: granting what they hold already changes nothing)."""
    for grant in user.role_grants:
        if (grant.role, grant.source, grant.theme_id, grant.sector) == (
            role, source, theme.id if theme else None, sector,
        ):  # fmt: skip
            return grant
    grant = RoleGrant(
        role=role, source=source, theme_id=theme.id if theme else None, sector=sector,
        granted_by_id=actor.id if actor else None,
    )  # fmt: skip
    user.role_grants.append(grant)
    db.session.flush()
    record(
        actor, "role.granted", "user", user.id, role=role.value, source=source.value,
        theme=theme.slug if theme else None, sector=sector.value if sector else None,
    )  # fmt: skip
    db.session.commit()
    return grant
