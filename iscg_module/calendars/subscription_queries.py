"""Finding personal calendar links."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from iscg_module.calendars.subscription import CalendarSubscription, token_hash
from iscg_module.extensions import db
from iscg_module.users.models import User

TOKEN_MAX_LENGTH = 64


def active_subscription(token: str) -> CalendarSubscription | None:
    """The active link whose token this is; unknown and revoked tokens alike give None."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    return db.session.scalar(
        select(CalendarSubscription).where(
            CalendarSubscription.token_hash == token_hash(token),
            CalendarSubscription.revoked_at.is_(None),
        )
    )


def subscriptions_of(user: User) -> list[CalendarSubscription]:
    """The member's links, active first, newest first."""
    return list(
        db.session.scalars(
            select(CalendarSubscription)
            .where(CalendarSubscription.user_id == user.id)
            .order_by(
                CalendarSubscription.revoked_at.is_not(None),
                CalendarSubscription.created_at.desc(),
                CalendarSubscription.id.desc(),
            )
        )
    )


def own_subscription_or_404(user: User, subscription_id: int) -> CalendarSubscription:
    """The member's own link; another member's is as unknown as a missing one."""
    subscription = db.session.get(CalendarSubscription, subscription_id)
    if subscription is None or subscription.user_id != user.id:
        abort(404)
    return subscription
