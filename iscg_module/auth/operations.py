"""State changes of signing in: the account, its provider roles, the audit log, the event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from iscg_module.audit.audit_log import record
from iscg_module.auth.oidc_client import ProviderIdentity
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.operations import find_or_create_user
from iscg_module.users.roles import Role, RoleSource
from iscg_module.users.session_operations import start_session

DEACTIVATED_MESSAGE = (
    "This account has been deactivated. If you still work with the group, ask the "
    "secretariat to reactivate it."
)


class SignInRefused(OperationRefused):
    """A sign-in the product does not allow, such as that of a deactivated account."""


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and the secret of their new session, for the session cookie only."""

    user: User
    session_secret: str


@transactional
def record_sign_in(user: User, lifetime: timedelta) -> SignedIn:
    """Open a session for ``user``, stamp their last sign-in, audit it and tell subscribers."""
    if not user.is_active:
        raise SignInRefused(DEACTIVATED_MESSAGE)
    user.last_sign_in_at = utc_now()
    secret = start_session(user, lifetime)
    record(user, "user.signed_in", "user", user.id)
    emit(CoreEvent.USER_SIGNED_IN, user_id=user.id)
    return SignedIn(user, secret)


@transactional
def sign_in_from_provider(
    identity: ProviderIdentity, roles: set[Role], lifetime: timedelta
) -> SignedIn:
    """The account for the provider's (issuer, subject): claims refreshed, provider roles
    replaced by ``roles``; roles granted inside the product are left as they are."""
    user = find_or_create_user(identity.issuer, identity.subject)
    if not user.is_active:
        raise SignInRefused(DEACTIVATED_MESSAGE)
    user.email = identity.email
    user.display_name = identity.name or identity.email or identity.subject
    _replace_provider_roles(user, roles)
    db.session.flush()
    return record_sign_in(user, lifetime)


def _replace_provider_roles(user: User, roles: set[Role]) -> None:
    held = {grant.role: grant for grant in user.role_grants if grant.source is RoleSource.PROVIDER}
    for role in held.keys() - roles:
        user.role_grants.remove(held[role])
        record(None, "role.withdrawn", "user", user.id, role=role.value, source="provider")
    for role in roles - held.keys():
        user.role_grants.append(RoleGrant(role=role, source=RoleSource.PROVIDER))
        record(None, "role.granted", "user", user.id, role=role.value, source="provider")
