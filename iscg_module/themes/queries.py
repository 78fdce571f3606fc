"""Reading themes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.themes.models import Theme
from iscg_module.users.models import RoleGrant


def themes_by_id(grants: Iterable[RoleGrant]) -> dict[int, Theme]:
    """The themes that ``grants`` are scoped to, in one query."""
    ids = {grant.theme_id for grant in grants if grant.theme_id is not None}
    if not ids:
        return {}
    return {theme.id: theme for theme in db.session.scalars(select(Theme).where(Theme.id.in_(ids)))}
