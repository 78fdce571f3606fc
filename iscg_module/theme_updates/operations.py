"""Writing, submitting, returning and publishing theme updates, each a kept version.

A theme's focal points (and admins) write drafts and submit them; admins publish a
submitted update or return it with a comment, after which its writers edit and submit
again. Every one of those steps stores the content as it then stood, so the whole history
of an update stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import FileStorage

from iscg_module.attachments.file_rules import chosen_files
from iscg_module.attachments.operations import store_attachments
from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.platform.form_extensions import ExtensionValues
from iscg_module.revisions.revision import Revision
from iscg_module.revisions.stale_edit import lock_for_change, refuse_stale_edit
from iscg_module.theme_updates.content import UpdateContent
from iscg_module.theme_updates.edited_values import update_values
from iscg_module.theme_updates.models import (
    ATTACHMENTS_MAX,
    COMMENT_MAX,
    ThemeUpdate,
    ThemeUpdateVersion,
    UpdateStatus,
    VersionAction,
)
from iscg_module.theme_updates.policy import may_publish, may_write
from iscg_module.themes.models import Theme
from iscg_module.users.models import User


class UpdateRuleError(OperationRefused):
    """A change to a theme update that its rules do not allow."""


@dataclass(frozen=True)
class Draft:
    """What a writer saves: the content, the answers to fields plugins add, and the files.

    ``new_files`` are attached; the attachments whose ids are in ``removed_attachments``
    are taken off (earlier versions keep them).
    """

    content: UpdateContent
    plugin_values: ExtensionValues | None = None
    new_files: tuple[FileStorage, ...] = ()
    removed_attachments: frozenset[int] = frozenset()
    opened: Revision | None = None


@transactional
def save_draft(
    actor: User, theme: Theme, draft: Draft, update: ThemeUpdate | None = None
) -> ThemeUpdate:
    """Create an update of ``theme`` or change ``update``'s content; a draft stays a draft."""
    _check_writer(actor, theme)
    if update is None:
        update = ThemeUpdate(theme=theme, author=actor, status=UpdateStatus.DRAFT, version=0)
        db.session.add(update)
    else:
        lock_for_change(update)
        refuse_stale_edit(draft.opened, update_values(update), "theme_update", update.id)
    if not update.is_editable:
        raise UpdateRuleError(f"A {update.status.value} update cannot be edited.")
    kept = [item for item in update.attachments if item.id not in draft.removed_attachments]
    if len(kept) + len(chosen_files(draft.new_files)) > ATTACHMENTS_MAX:
        raise UpdateRuleError(
            f"An update holds at most {ATTACHMENTS_MAX} files; take some off to attach others."
        )
    draft.content.apply_to(update)
    update.updated_at = utc_now()
    # Files are written only once the rules above agreed, so a refused save writes none.
    update.attachments = kept + store_attachments(actor, draft.new_files)
    _keep_version(actor, update, VersionAction.SAVED)
    if draft.plugin_values is not None:
        draft.plugin_values.save(actor, update)
    record(actor, "theme_update.saved", "theme_update", update.id, theme=theme.slug,
           attachments=[item.id for item in update.attachments])  # fmt: skip
    return update


@transactional
def save_and_submit(
    actor: User, theme: Theme, draft: Draft, update: ThemeUpdate | None = None
) -> ThemeUpdate:
    """Save the draft and submit it, in one transaction: a refused submission saves nothing."""
    return submit_update(actor, save_draft(actor, theme, draft, update))


@transactional
def submit_update(actor: User, update: ThemeUpdate) -> ThemeUpdate:
    """Send a draft (or a returned update) to the secretariat for publication."""
    lock_for_change(update)
    _check_writer(actor, update.theme)
    if not update.is_editable:
        raise UpdateRuleError(f"A {update.status.value} update cannot be submitted.")
    update.status = UpdateStatus.SUBMITTED
    _keep_version(actor, update, VersionAction.SUBMITTED)
    record(actor, "theme_update.submitted", "theme_update", update.id, theme=update.theme.slug)
    emit(CoreEvent.THEME_UPDATE_SUBMITTED, update_id=update.id, theme=update.theme.slug)
    return update


@transactional
def publish_update(actor: User, update: ThemeUpdate) -> ThemeUpdate:
    """Make a submitted update readable by every member and its theme's feed."""
    lock_for_change(update)
    _check_secretariat(actor)
    if update.status != UpdateStatus.SUBMITTED:
        raise UpdateRuleError("Only a submitted update can be published.")
    update.status, update.published_at = UpdateStatus.PUBLISHED, utc_now()
    update.return_comment = None
    _keep_version(actor, update, VersionAction.PUBLISHED)
    record(actor, "theme_update.published", "theme_update", update.id, theme=update.theme.slug)
    emit(CoreEvent.THEME_UPDATE_PUBLISHED, update_id=update.id, theme=update.theme.slug)
    return update


@transactional
def return_update(actor: User, update: ThemeUpdate, comment: str) -> ThemeUpdate:
    """Send a submitted update back to its writers, saying what to change."""
    lock_for_change(update)
    _check_secretariat(actor)
    if update.status != UpdateStatus.SUBMITTED:
        raise UpdateRuleError("Only a submitted update can be returned.")
    comment = comment.strip()
    if not comment or len(comment) > COMMENT_MAX:
        raise UpdateRuleError(f"Say what to change, in at most {COMMENT_MAX} characters.")
    update.status, update.return_comment = UpdateStatus.RETURNED, comment
    _keep_version(actor, update, VersionAction.RETURNED, comment)
    record(actor, "theme_update.returned", "theme_update", update.id, theme=update.theme.slug)
    return update


def _keep_version(
    actor: User, update: ThemeUpdate, action: VersionAction, comment: str | None = None
) -> None:
    update.version += 1
    version = ThemeUpdateVersion(
        number=update.version, action=action, comment=comment, actor=actor, acted_at=utc_now()
    )
    UpdateContent.of(update).apply_to(version)
    version.attachments = list(update.attachments)
    update.versions.append(version)
    db.session.flush()


def _check_writer(actor: User, theme: Theme) -> None:
    if not may_write(actor, theme):
        raise UpdateRuleError(
            f"Only the focal points of {theme.title} and admins write its updates."
        )


def _check_secretariat(actor: User) -> None:
    if not may_publish(actor):
        raise UpdateRuleError("Only the secretariat publishes or returns updates.")
