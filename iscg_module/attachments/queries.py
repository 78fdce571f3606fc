"""Finding an attachment for its download address."""

from __future__ import annotations

from flask import abort, url_for

from iscg_module.attachments.models import Attachment
from iscg_module.extensions import db


def attachment_or_404(attachment_id: int, filename: str) -> Attachment:
    """The attachment, if the address names it by its id and its own filename."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.filename != filename:
        abort(404)
    return attachment


def attachment_url(attachment: Attachment, **options: object) -> str:
    """The address members download ``attachment`` from (``_external=True`` for mail)."""
    return url_for(
        "attachments.download",
        attachment_id=attachment.id,
        filename=attachment.filename,
        **options,
    )
