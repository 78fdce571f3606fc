"""Member accounts and their role grants."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.database.enum_column import enum_column
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model
from iscg_module.users.roles import Role, RoleSource, Sector

SECRET_HASH_LENGTH = 64
ENDED_BECAUSE_MAX = 40

if TYPE_CHECKING:
    from iscg_module.themes.models import Theme


class User(Model):
    """A member of the organisation, keyed on the identity provider's issuer and subject."""

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("issuer", "subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issuer: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when an admin deactivates the account: no session, sign-in or calendar link works.
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    role_grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user",
        cascade="all, delete-orphan",
        lazy="selectin",
        foreign_keys="RoleGrant.user_id",
    )

    # Flask-Login's user protocol.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.deactivated_at is None

    def get_id(self) -> str:
        return str(self.id)

    def has_role(self, role: Role | str) -> bool:
        return any(grant.role == role for grant in self.role_grants)

    def is_focal_point_of(self, theme_slug: str) -> bool:
        return any(
            grant.role == Role.FOCAL_POINT and grant.theme is not None
            and grant.theme.slug == theme_slug
            for grant in self.role_grants
        )  # fmt: skip

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.display_name!r}>"


class RoleGrant(Model):
    """One role held by one user, optionally scoped to a theme or a sector."""

    __tablename__ = "role_grants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    source: Mapped[RoleSource] = mapped_column(enum_column(RoleSource))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"))
    sector: Mapped[Sector | None] = mapped_column(enum_column(Sector))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(back_populates="role_grants", foreign_keys=[user_id])
    theme: Mapped[Theme | None] = relationship(lazy="joined")


class SignInSession(Model):
    """One signed-in browser: the cookie names it by a secret whose hash is kept here.

    A session works while it is neither ended (sign-out, deactivation) nor past
    ``expires_at``, whatever the cookie's own signature and age say, so a copied cookie is
    useless once its session ends on the server.
    """

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(SECRET_HASH_LENGTH), unique=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_because: Mapped[str | None] = mapped_column(String(ENDED_BECAUSE_MAX))
