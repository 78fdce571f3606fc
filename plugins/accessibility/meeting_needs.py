"""Members' accessibility needs at meetings: one row per registration that has any.

The needs are saved inside the core's registration transaction, so nothing here commits.
They are counted against the API's active registrations: a withdrawn registration keeps
its needs, which then no longer count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from iscg_accessibility.models import (
    OTHER_NEEDS_MAX,
    SIGN_LANGUAGE_MAX,
    DocumentFormat,
    MeetingNeeds,
)
from sqlalchemy import case, func, select

from iscg_module.platform.api import OperationRefused, Panel, active_registrations, db, utc_now

DOCUMENT_FORMAT_LABELS = {
    DocumentFormat.LARGE_PRINT: "Large print",
    DocumentFormat.BRAILLE: "Braille",
    DocumentFormat.TAGGED_PDF: "Screen-reader-friendly (tagged PDF or Word)",
    DocumentFormat.EASY_TO_READ: "Easy-to-read",
}

SUMMARY = "iscg_accessibility/meeting_needs_summary.html"
MINE = "iscg_accessibility/my_meeting_needs.html"


@dataclass(frozen=True)
class Needs:
    """One member's answers; empty strings and None mean "not needed" or "any"."""

    captioning: bool = False
    sign_language: str = ""
    accessible_documents: bool = False
    document_format: DocumentFormat | None = None
    other_needs: str = ""

    @property
    def is_empty(self) -> bool:
        return self == Needs()


@dataclass(frozen=True)
class NeedsSummary:
    """The needs among a meeting's active registrations, for the secretariat."""

    registered: int
    with_needs: int
    captioning: int
    sign_language: int
    accessible_documents: int
    other_needs: int
    formats: dict[DocumentFormat, int] = field(default_factory=dict)
    sign_languages: list[tuple[str, int]] = field(default_factory=list)
    other_texts: list[str] = field(default_factory=list)

    @property
    def any_format(self) -> int:
        """Members asking for accessible documents without naming a format."""
        return self.accessible_documents - sum(self.formats.values())


def needs_panels(meeting: Any, user: Any) -> list[Panel]:
    """Admins see the meeting's needs counted; a member sees the needs they gave."""
    if not user.is_authenticated:
        return []
    panels = []
    if user.is_admin:
        context = {"summary": summary_of(meeting.id), "format_labels": DOCUMENT_FORMAT_LABELS}
        panels.append(Panel("Accessibility needs of registered members", SUMMARY, context))
    mine = active_needs_of(meeting.id, user.id)
    if not mine.is_empty:
        context = {"needs": mine, "meeting_id": meeting.id, "format_labels": DOCUMENT_FORMAT_LABELS}
        panels.append(Panel("Your accessibility needs", MINE, context))
    return panels


def needs_of(registration_id: int) -> Needs:
    row = db.session.get(MeetingNeeds, registration_id)
    return _needs(row) if row is not None else Needs()


def active_needs_of(meeting_id: int, user_id: int) -> Needs:
    """The needs ``user_id`` gave for ``meeting_id``, if their registration is active."""
    active = active_registrations()
    query = (
        select(MeetingNeeds)
        .join(active, active.c.registration_id == MeetingNeeds.registration_id)
        .where(active.c.meeting_id == meeting_id, active.c.user_id == user_id)
    )
    row = db.session.scalar(query)
    return _needs(row) if row is not None else Needs()


def save_needs(registration_id: int, meeting_id: int, needs: Needs) -> None:
    """Keep a registration's needs, or remove them when all are empty; the caller commits."""
    if len(needs.sign_language) > SIGN_LANGUAGE_MAX:
        raise OperationRefused(
            f"A sign language is named in at most {SIGN_LANGUAGE_MAX} characters."
        )
    if len(needs.other_needs) > OTHER_NEEDS_MAX:
        raise OperationRefused(f"Other needs take at most {OTHER_NEEDS_MAX} characters.")
    if needs.document_format is not None and not needs.accessible_documents:
        raise OperationRefused(
            "You chose a document format without ticking “Meeting documents in an accessible "
            "format”: tick it, or set the format back to “Any accessible format”."
        )
    row = db.session.get(MeetingNeeds, registration_id)
    if needs.is_empty:
        if row is not None:
            db.session.delete(row)
        return
    if row is None:
        row = MeetingNeeds(registration_id=registration_id, meeting_id=meeting_id)
        db.session.add(row)
    row.captioning = needs.captioning
    row.sign_language = needs.sign_language
    row.accessible_documents = needs.accessible_documents
    row.document_format = needs.document_format
    row.other_needs = needs.other_needs
    row.updated_at = utc_now()


def summary_of(meeting_id: int) -> NeedsSummary:
    """The counts in one query, then the sign languages and the other needs: three in all."""
    registrations = active_registrations()
    of_meeting = registrations.c.meeting_id == meeting_id
    counted: list[Any] = [
        func.count(registrations.c.registration_id),
        func.count(MeetingNeeds.registration_id),
        _count(MeetingNeeds.captioning),
        _count(MeetingNeeds.sign_language != ""),
        _count(MeetingNeeds.accessible_documents),
        _count(MeetingNeeds.other_needs != ""),
        *(_count(MeetingNeeds.document_format == kind) for kind in DocumentFormat),
    ]
    counts = db.session.execute(
        select(*counted)
        .select_from(registrations)
        .outerjoin(MeetingNeeds, MeetingNeeds.registration_id == registrations.c.registration_id)
        .where(of_meeting)
    ).one()
    answered = MeetingNeeds.__table__.join(
        registrations, registrations.c.registration_id == MeetingNeeds.registration_id
    )
    languages = db.session.execute(
        select(MeetingNeeds.sign_language, func.count())
        .select_from(answered)
        .where(of_meeting, MeetingNeeds.sign_language != "")
        .group_by(MeetingNeeds.sign_language)
        .order_by(func.count().desc(), MeetingNeeds.sign_language)
    )
    texts = db.session.scalars(
        select(MeetingNeeds.other_needs)
        .select_from(answered)
        .where(of_meeting, MeetingNeeds.other_needs != "")
        .order_by(MeetingNeeds.other_needs)
    )
    formats = counts[6:]
    return NeedsSummary(
        *counts[:6],
        formats=dict(zip(DocumentFormat, formats, strict=True)),
        sign_languages=[(language, number) for language, number in languages],
        other_texts=list(texts),
    )


def _count(condition: Any) -> Any:
    """How many rows meet ``condition``, portably (COUNT ignores the NULLs of other rows)."""
    return func.count(case((condition, 1)))


def _needs(row: MeetingNeeds) -> Needs:
    return Needs(
        captioning=row.captioning,
        sign_language=row.sign_language,
        accessible_documents=row.accessible_documents,
        document_format=row.document_format,
        other_needs=row.other_needs,
    )
