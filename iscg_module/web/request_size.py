"""How large a request may be: room for files in uploads, the old small limit elsewhere.

``MAX_CONTENT_LENGTH`` is large enough for a form carrying five 10 MB files. Only such a
form (``multipart/form-data``) needs it; any other request is held to
``ISCG_MAX_TEXT_REQUEST_LENGTH``, so no text form makes a worker read 50 MB. Beyond either
limit the request is answered with the 413 page.
"""

from __future__ import annotations

from flask import Request, current_app

UPLOAD_MEDIA_TYPE = "multipart/form-data"


class SizedRequest(Request):
    @property
    def max_content_length(self) -> int | None:
        limit = super().max_content_length
        if self._max_content_length is not None or not current_app:
            return limit
        if self.mimetype == UPLOAD_MEDIA_TYPE:
            return limit
        text_limit: int = current_app.config["ISCG_MAX_TEXT_REQUEST_LENGTH"]
        return text_limit if limit is None else min(limit, text_limit)

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value
