"""The download of an attached file, for members who may read a record that holds it."""

from __future__ import annotations

from flask import Response, abort, send_file
from flask_login import current_user

from iscg_module.access import MEMBER, require
from iscg_module.attachments.file_store import attachment_store
from iscg_module.attachments.queries import attachment_or_404
from iscg_module.attachments.readers import may_download


@require(MEMBER)
def download(attachment_id: int, filename: str) -> Response:
    """The file with the type it was recognised as, always saved rather than shown.

    Only for those who may read a record that holds it (404 for others, as for a file
    that does not exist). ``nosniff`` keeps browsers from guessing another type from the
    content, and the digest is the ETag: an attachment's bytes never change.
    """
    attachment = attachment_or_404(attachment_id, filename)
    if not may_download(current_user, attachment):
        abort(404)
    response = send_file(
        attachment_store().path_of(attachment.sha256),
        mimetype=attachment.media_type,
        as_attachment=True,
        download_name=attachment.filename,
        etag=attachment.sha256,
        last_modified=attachment.uploaded_at,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.private = True
    return response
