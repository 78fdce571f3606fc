"""Creating, deactivating and reactivating accounts and granting roles, with the audit log."""

from __future__ import annotations

from sqlalchemy import select

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.themes.models import Theme
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import Role, RoleSource, Sector
from iscg_module.users.session_operations import end_sessions_of


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
    return user


class RoleRuleError(OperationRefused):
    """A change of roles that the rules do not allow; the message is for the person."""


PRODUCT_ROLES = {Role.FOCAL_POINT: "theme", Role.COUNSELLOR: "sector"}


@transactional
def grant_product_role(
    actor: User, user: User, role: Role, theme: Theme | None = None, sector: Sector | None = None
) -> RoleGrant:
    """Grant a role held inside the product: focal point of a theme, counsellor of a sector.

    Admin and chair come from the identity provider and cannot be granted here.
    """
    scope = PRODUCT_ROLES.get(role)
    if scope is None:
        raise RoleRuleError("That role comes from the organisation's sign-in service.")
    if (scope == "theme") != (theme is not None) or (scope == "sector") != (sector is not None):
        raise RoleRuleError(
            f"A {role.value.replace('_', ' ')} role needs a {scope}, and only that."
        )
    return grant_role(actor, user, role, RoleSource.PRODUCT, theme=theme, sector=sector)


@transactional
def withdraw_role(actor: User, grant: RoleGrant) -> None:
    """Withdraw a role granted inside the product; provider roles are the provider's."""
    if grant.source is not RoleSource.PRODUCT:
        raise RoleRuleError(
            "This role comes from the organisation's sign-in service; change it there."
        )
    user = grant.user
    user.role_grants.remove(grant)
    record(
        actor, "role.withdrawn", "user", user.id, role=grant.role.value, source="product",
        theme_id=grant.theme_id, sector=grant.sector.value if grant.sector else None,
    )  # fmt: skip


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
    return grant


@transactional
def deactivate_member(actor: User, user: User) -> int:
    """Deactivate ``user`` (who left the organisation, say): their sessions end at once, their
    calendar links and sign-in stop working, and everything they wrote stays. Returns how
    many sessions were ended."""
    if user.id == actor.id:
        raise RoleRuleError("You cannot deactivate your own account.")
    if not user.is_active:
        raise RoleRuleError(f"{user.display_name} is already deactivated.")
    user.deactivated_at = utc_now()
    ended = end_sessions_of(user, "deactivated")
    record(actor, "user.deactivated", "user", user.id, sessions_ended=ended)
    return ended


@transactional
def reactivate_member(actor: User, user: User) -> None:
    """Let ``user`` sign in again; their calendar links work again, old sessions stay ended."""
    if user.is_active:
        raise RoleRuleError(f"{user.display_name} is active already.")
    user.deactivated_at = None
    record(actor, "user.reactivated", "user", user.id)
