"""Creating, revoking and using personal calendar links."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from iscg_module.audit.audit_log import record
from iscg_module.calendars.subscription import CalendarSubscription, new_token, token_hash
from iscg_module.calendars.subscription_queries import ActiveLink
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.users.models import User

MAX_ACTIVE_LINKS = 20
# A calendar polls every few minutes; noting each poll would write constantly for nothing.
USE_NOTED_EVERY = timedelta(hours=1)


class SubscriptionRuleError(OperationRefused):
    """A change to calendar links that their rules do not allow."""


@transactional
def create_subscription(user: User, name: str) -> tuple[CalendarSubscription, str]:
    """A new link for ``user``; the token is returned once and only its hash is kept."""
    if active_count(user) >= MAX_ACTIVE_LINKS:
        raise SubscriptionRuleError(
            f"You already have {MAX_ACTIVE_LINKS} calendar links; revoke one you no longer use."
        )
    token = new_token()
    subscription = CalendarSubscription(user=user, name=name, token_hash=token_hash(token))
    db.session.add(subscription)
    db.session.flush()
    record(user, "calendar_link.created", "calendar_link", subscription.id, name=name)
    return subscription, token


@transactional
def revoke_subscription(user: User, subscription: CalendarSubscription) -> None:
    """Close the link at once; calendar clients polling it get 404 from now on."""
    if not subscription.is_active:
        raise SubscriptionRuleError("This link was already revoked.")
    subscription.revoked_at = utc_now()
    record(user, "calendar_link.revoked", "calendar_link", subscription.id,
           name=subscription.name)  # fmt: skip


def use_is_due(last_used_at: datetime | None, now: datetime) -> bool:
    """Whether a use at ``now`` is to be noted: at most once per ``USE_NOTED_EVERY``."""
    return last_used_at is None or now - last_used_at >= USE_NOTED_EVERY


@transactional
def note_use(link: ActiveLink | CalendarSubscription, now: datetime | None = None) -> None:
    """Record that the link was used, at most once per ``USE_NOTED_EVERY``."""
    now = now or utc_now()
    if not use_is_due(link.last_used_at, now):
        return
    db.session.execute(
        update(CalendarSubscription)
        .where(CalendarSubscription.id == link.id)
        .values(last_used_at=now)
    )


def active_count(user: User) -> int:
    return db.session.scalar(
        select(func.count(CalendarSubscription.id)).where(
            CalendarSubscription.user_id == user.id, CalendarSubscription.revoked_at.is_(None)
        )
    )
