"""Finding personal calendar links."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from flask import abort
from sqlalchemy import Connection, bindparam, select

from iscg_module.calendars.subscription import CalendarSubscription, token_hash
from iscg_module.extensions import db
from iscg_module.users.models import User

TOKEN_MAX_LENGTH = 64


class ActiveLink(NamedTuple):
    """What serving a personal feed needs of its link: which one, and when it was last used."""

    id: int
    last_used_at: datetime | None


# Built once: calendar clients ask this on every poll of a personal feed, by the unique index
# on the token's hash. A deactivated member's links stop at once, with their sessions.
_ACTIVE_LINK = (
    select(CalendarSubscription.id, CalendarSubscription.last_used_at)
    .join(User, User.id == CalendarSubscription.user_id)
    .where(
        CalendarSubscription.token_hash == bindparam("token_hash"),
        CalendarSubscription.revoked_at.is_(None),
        User.deactivated_at.is_(None),
    )
)


def active_link(token: str, connection: Connection | None = None) -> ActiveLink | None:
    """The active link whose token this is; unknown, revoked and deactivated alike give None.

    The view asks through the request's session; the poll shortcut, which answers before the
    application is entered, gives a ``connection`` of the same engine.
    """
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    if connection is None:
        connection = db.session.connection()
    row = connection.execute(_ACTIVE_LINK, {"token_hash": token_hash(token)}).first()
    return None if row is None else ActiveLink(row.id, row.last_used_at)


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
