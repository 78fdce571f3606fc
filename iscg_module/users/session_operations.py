"""Starting and ending sign-in sessions, which the server holds so that ending one is final."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update

from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.users.models import SignInSession, User

SECRET_BYTES = 32


def secret_hash(secret: str) -> str:
    """SHA-256 suffices: the secret is random and long, so there is nothing to guess slowly."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transactional
def start_session(user: User, lifetime: timedelta) -> str:
    """A new session for ``user``, ending after ``lifetime``; its secret, for the cookie only."""
    secret = secrets.token_urlsafe(SECRET_BYTES)
    now = utc_now()
    db.session.add(
        SignInSession(user_id=user.id, secret_hash=secret_hash(secret), started_at=now,
                      expires_at=now + lifetime)
    )  # fmt: skip
    return secret


@transactional
def end_session(secret: str, because: str) -> None:
    """End the session that ``secret`` names; a copy of its cookie stops working at once."""
    db.session.execute(
        update(SignInSession)
        .where(SignInSession.secret_hash == secret_hash(secret), SignInSession.ended_at.is_(None))
        .values(ended_at=utc_now(), ended_because=because)
    )


@transactional
def end_sessions_of(user: User, because: str) -> int:
    """End every open session of ``user``; how many there were."""
    result = db.session.execute(
        update(SignInSession)
        .where(SignInSession.user_id == user.id, SignInSession.ended_at.is_(None))
        .values(ended_at=utc_now(), ended_because=because)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def session_user(user_id: int, secret: str, now: datetime | None = None) -> User | None:
    """The active member whose open, unexpired session ``secret`` names, in one query."""
    query = (
        select(User)
        .join(SignInSession, SignInSession.user_id == User.id)
        .where(
            User.id == user_id,
            User.deactivated_at.is_(None),
            SignInSession.secret_hash == secret_hash(secret),
            SignInSession.ended_at.is_(None),
            SignInSession.expires_at > (now or utc_now()),
        )
    )
    return db.session.scalar(query)
