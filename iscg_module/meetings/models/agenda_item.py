"""One item of a meeting's agenda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.extensions import Model

if TYPE_CHECKING:
    from iscg_module.meetings.models.meeting import Meeting

ITEM_TITLE_MAX = 300
PRESENTER_MAX = 200
NOTES_MAX = 4_000


class AgendaItem(Model):
    """An agenda item, ordered by ``position`` within its meeting."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(ITEM_TITLE_MAX))
    presenter: Mapped[str | None] = mapped_column(String(PRESENTER_MAX))
    notes: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
