"""The download of an attached file, for signed-in members."""

from __future__ import annotations

from flask import Response, send_file

from iscg_module.access import MEMBER, require
from iscg_module.attachments.blueprint import blueprint
from iscg_module.attachments.file_store import attachment_store
from iscg_module.attachments.queries import attachment_or_404


@blueprint.get("/<id:attachment_id>/<filename>")
@require(MEMBER)
def download(attachment_id: int, filename: str) -> Response:
    """The file with the type it was recognised as, always saved rather than shown.

    ``nosniff`` keeps browsers from guessing another type from the content, and the
    digest is the ETag: an attachment's bytes never change.
    """
    attachment = attachment_or_404(attachment_id, filename)
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
