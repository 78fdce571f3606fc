"""Who may read and write theme updates: the one policy that routes, operations, queries and
downloads of their files ask.

Writing a theme's updates is the ``THEME_WRITER`` rule that the routes declare (admins and
the theme's focal points); reading is open to every member once an update is published,
and before that to its writers, admins and the chair. A file attached to an update, or to
any version of it, is readable by whoever may read that update.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, or_, select, true

from iscg_module.access import THEME_WRITER
from iscg_module.extensions import db
from iscg_module.theme_updates.models import (
    ThemeUpdate,
    ThemeUpdateVersion,
    UpdateStatus,
    update_attachments,
    version_attachments,
)
from iscg_module.themes.models import Theme
from iscg_module.users.roles import Role


def may_write(user: Any, theme: Theme) -> bool:
    return bool(user.is_authenticated) and THEME_WRITER.permits(user, {"slug": theme.slug})


def may_read(user: Any, update: ThemeUpdate) -> bool:
    if update.status == UpdateStatus.PUBLISHED:
        return bool(user.is_authenticated)
    return may_write(user, update.theme) or (user.is_authenticated and user.has_role(Role.CHAIR))


def may_publish(user: Any) -> bool:
    return bool(user.is_authenticated) and user.has_role(Role.ADMIN)


def readable_by(user: Any) -> ColumnElement[bool]:
    """The condition on ``ThemeUpdate`` rows that ``user`` may read, for queries."""
    if not user.is_authenticated:
        return false()
    if user.has_role(Role.ADMIN) or user.has_role(Role.CHAIR):
        return true()
    own_themes = [
        grant.theme_id
        for grant in user.role_grants
        if grant.role == Role.FOCAL_POINT and grant.theme_id is not None
    ]
    return or_(ThemeUpdate.status == UpdateStatus.PUBLISHED, ThemeUpdate.theme_id.in_(own_themes))


def may_read_attachment(user: Any, attachment_id: int) -> bool | None:
    """Whether ``user`` may read a theme update holding the file; None if none holds it."""
    held_now = select(update_attachments.c.update_id).where(
        update_attachments.c.attachment_id == attachment_id
    )
    held_before = (
        select(ThemeUpdateVersion.update_id)
        .join(version_attachments, version_attachments.c.version_id == ThemeUpdateVersion.id)
        .where(version_attachments.c.attachment_id == attachment_id)
    )
    holders = list(
        db.session.scalars(
            select(ThemeUpdate).where(
                or_(ThemeUpdate.id.in_(held_now), ThemeUpdate.id.in_(held_before))
            )
        )
    )
    if not holders:
        return None
    return any(may_read(user, update) for update in holders)
