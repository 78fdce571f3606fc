"""An attached file's record: its name, kind, size and digest; the bytes are kept on disk."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from iscg_module.attachments.file_rules import FILENAME_MAX, LABEL_OF_MEDIA_TYPE, format_size
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model

MEDIA_TYPE_MAX = 100
SHA256_HEX_LENGTH = 64


class Attachment(Model):
    """One uploaded file. Rows never change: a new version of a file is a new attachment.

    Two rows with the same bytes share one file in the store (``sha256`` names it), so
    the same document attached to several updates is kept once.
    """

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    filename: Mapped[str] = mapped_column(String(FILENAME_MAX))
    media_type: Mapped[str] = mapped_column(String(MEDIA_TYPE_MAX))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    @property
    def kind_label(self) -> str:
        """What kind of file it is, in words: "PDF", "Excel", "PNG image"…"""
        return LABEL_OF_MEDIA_TYPE.get(self.media_type, self.media_type)

    @property
    def size_text(self) -> str:
        return format_size(self.size)
