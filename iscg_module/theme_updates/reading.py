"""Published theme updates as plugins read them: by theme and by the days they report on."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.themes.models import Theme


def published_theme_updates(
    theme_slug: str, first_day: date | None = None, last_day: date | None = None
) -> list[ThemeUpdate]:
    """The theme's published updates whose reporting period meets the days given, oldest first.

    Without days, every published update of the theme. A period meets the days when it
    starts on or before ``last_day`` and ends on or after ``first_day``.
    """
    query = (
        select(ThemeUpdate)
        .join(ThemeUpdate.theme)
        .where(Theme.slug == theme_slug, ThemeUpdate.status == UpdateStatus.PUBLISHED)
    )
    if last_day is not None:
        query = query.where(ThemeUpdate.period_start <= last_day)
    if first_day is not None:
        query = query.where(ThemeUpdate.period_end >= first_day)
    order = (ThemeUpdate.period_end, ThemeUpdate.published_at, ThemeUpdate.id)
    return list(db.session.scalars(query.order_by(*order)))
