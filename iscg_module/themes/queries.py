"""Reading themes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import case, select

from iscg_module.extensions import db
from iscg_module.themes.models import Theme, ThemeStatus
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import Role


def themes_by_id(grants: Iterable[RoleGrant]) -> dict[int, Theme]:
    """The themes that ``grants`` are scoped to, in one query."""
    ids = {grant.theme_id for grant in grants if grant.theme_id is not None}
    if not ids:
        return {}
    return {theme.id: theme for theme in db.session.scalars(select(Theme).where(Theme.id.in_(ids)))}


def all_themes_in_order() -> list[Theme]:
    """Active themes first, then proposed, then closed; by title within each."""
    order = case(
        (Theme.status == ThemeStatus.ACTIVE, 0), (Theme.status == ThemeStatus.PROPOSED, 1),
        else_=2,
    )  # fmt: skip
    return list(db.session.scalars(select(Theme).order_by(order, Theme.title)))


def focal_points_by_theme() -> dict[int, list[User]]:
    """The focal points of every theme, in one query."""
    query = (
        select(RoleGrant.theme_id, User)
        .join(User, RoleGrant.user_id == User.id)
        .where(RoleGrant.role == Role.FOCAL_POINT, RoleGrant.theme_id.is_not(None))
        .order_by(User.display_name)
    )
    grouped: dict[int, list[User]] = {}
    for theme_id, user in db.session.execute(query):
        grouped.setdefault(theme_id, []).append(user)
    return grouped
