"""A member's personal calendar link: a secret token, kept only as its hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model
from iscg_module.users.models import User

NAME_MAX = 80
TOKEN_BYTES = 24  # 192 bits


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """SHA-256 suffices: the token is random and long, so there is nothing to guess slowly."""
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarSubscription(Model):
    """One named link ("Outlook at work", "phone") through which a calendar client polls."""

    __tablename__ = "calendar_subscriptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
