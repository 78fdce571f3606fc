"""State changes of signing in: the account, its provider roles, the audit log, the event."""

from __future__ import annotations

from iscg_module.audit.audit_log import record
from iscg_module.auth.oidc_client import ProviderIdentity
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.operations import find_or_create_user
from iscg_module.users.roles import Role, RoleSource


@transactional
def record_sign_in(user: User) -> None:
    """Stamp the user's last sign-in, audit it and tell subscribers."""
    user.last_sign_in_at = utc_now()
    record(user, "user.signed_in", "user", user.id)
    emit(CoreEvent.USER_SIGNED_IN, user_id=user.id)
    db.session.commit()


@transactional
def sign_in_from_provider(identity: ProviderIdentity, roles: set[Role]) -> User:
    """The account for the provider's (issuer, subject): claims refreshed, provider roles
    replaced by ``roles``; roles granted inside the product are left as they are."""
    user = find_or_create_user(identity.issuer, identity.subject)
    user.email = identity.email
    user.display_name = identity.name or identity.email or identity.subject
    _replace_provider_roles(user, roles)
    db.session.flush()
    record_sign_in(user)
    return user


def _replace_provider_roles(user: User, roles: set[Role]) -> None:
    held = {grant.role: grant for grant in user.role_grants if grant.source is RoleSource.PROVIDER}
    for role in held.keys() - roles:
        user.role_grants.remove(held[role])
        record(None, "role.withdrawn", "user", user.id, role=role.value, source="provider")
    for role in roles - held.keys():
        user.role_grants.append(RoleGrant(role=role, source=RoleSource.PROVIDER))
        record(None, "role.granted", "user", user.id, role=role.value, source="provider")
