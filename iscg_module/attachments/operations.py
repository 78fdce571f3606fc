"""Keeping uploaded files as attachments, inside the transaction of what they belong to."""

from __future__ import annotations

from collections.abc import Iterable

from werkzeug.datastructures import FileStorage

from iscg_module.attachments.file_rules import check_files
from iscg_module.attachments.file_store import attachment_store
from iscg_module.attachments.models import Attachment
from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.users.models import User


@transactional
def store_attachments(actor: User | None, files: Iterable[FileStorage]) -> list[Attachment]:
    """Check every file, keep their bytes, and add one attachment row per file.

    Called by the operation that saves what the files belong to, it joins that operation's
    transaction, so attachments exist only with it. Every file is checked before any is
    written (``AttachmentRefused`` keeps none), and a file is complete on disk before its
    row is flushed. A transaction rolled back later may leave a file no row names; it is
    harmless, and the same bytes attached again reuse it.
    """
    checked = check_files(files)
    store = attachment_store()
    now = utc_now()
    attachments = [
        Attachment(
            filename=item.filename,
            media_type=item.kind.media_type,
            size=len(item.data),
            sha256=store.put(item.data),
            uploaded_by_id=actor.id if actor is not None else None,
            uploaded_at=now,
        )
        for item in checked
    ]
    db.session.add_all(attachments)
    db.session.flush()
    for attachment in attachments:
        record(actor, "attachment.stored", "attachment", attachment.id,
               filename=attachment.filename, size=attachment.size,
               sha256=attachment.sha256)  # fmt: skip
    return attachments
