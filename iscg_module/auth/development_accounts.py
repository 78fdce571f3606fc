"""The development sign-in: demo accounts, offered only outside production without a provider."""

from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.users.models import User

DEVELOPMENT_ISSUER = "urn:iscg-module:development"


def development_accounts() -> list[User]:
    """Every account that the development sign-in may use, by name."""
    query = select(User).where(User.issuer == DEVELOPMENT_ISSUER).order_by(User.display_name)
    return list(db.session.scalars(query))


def development_account(user_id: int) -> User | None:
    user = db.session.get(User, user_id)
    if user is None or user.issuer != DEVELOPMENT_ISSUER:
        return None
    return user
