"""Reading themes' updates: what each reader may see, in a fixed number of queries."""

from __future__ import annotations

from flask import abort
from sqlalchemy import Select, func, select

from iscg_module.database.paging import page_of
from iscg_module.extensions import db
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.theme_updates.policy import may_read, readable_by
from iscg_module.themes.models import Theme
from iscg_module.users.models import User

FEED_SIZE = 20
PAGE_SIZE = 20


def theme_or_404(slug: str) -> Theme:
    return db.session.scalar(select(Theme).where(Theme.slug == slug)) or abort(404)


def update_or_404(theme: Theme, update_id: int, reader: User) -> ThemeUpdate:
    """The update, if it belongs to ``theme`` and ``reader`` may see it (404 otherwise)."""
    update = db.session.get(ThemeUpdate, update_id)
    if update is None or update.theme_id != theme.id or not may_read(reader, update):
        abort(404)
    return update


def _published(theme: Theme) -> Select[tuple[ThemeUpdate]]:
    """Published updates of ``theme``, the latest publication first."""
    return (
        select(ThemeUpdate)
        .where(ThemeUpdate.theme_id == theme.id, ThemeUpdate.status == UpdateStatus.PUBLISHED)
        .order_by(ThemeUpdate.published_at.desc(), ThemeUpdate.id.desc())
    )


def published_updates(theme: Theme, page: int) -> tuple[list[ThemeUpdate], bool]:
    return page_of(_published(theme), page, PAGE_SIZE)


def latest_published(theme: Theme, count: int = FEED_SIZE) -> list[ThemeUpdate]:
    return list(db.session.scalars(_published(theme).limit(count)))


def unpublished_updates(theme: Theme, reader: User) -> list[ThemeUpdate]:
    """Drafts, submitted and returned updates of ``theme`` that ``reader`` may read, the
    latest change first."""
    query = select(ThemeUpdate).where(
        ThemeUpdate.theme_id == theme.id,
        ThemeUpdate.status != UpdateStatus.PUBLISHED,
        readable_by(reader),
    )
    return list(db.session.scalars(query.order_by(ThemeUpdate.updated_at.desc())))


def published_counts() -> dict[int, int]:
    """How many published updates each theme has, in one query."""
    query = (
        select(ThemeUpdate.theme_id, func.count())
        .where(ThemeUpdate.status == UpdateStatus.PUBLISHED)
        .group_by(ThemeUpdate.theme_id)
    )
    return dict(db.session.execute(query).all())
