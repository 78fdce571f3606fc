"""AI reports: each version's activities and terms of reference, kept and read back.

Members read published reports only: the core's published AI updates, each with the data
of its published version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from iscg_ai.models import Activity, ActivityStatus, Report
from sqlalchemy import select

from iscg_module.platform.api import Sector, db, published_theme_updates, record_audit

THEME = "ai"

SECTOR_LABELS = {
    Sector.ITU_R: "ITU-R",
    Sector.ITU_T: "ITU-T",
    Sector.ITU_D: "ITU-D",
    Sector.GENERAL_SECRETARIAT: "General Secretariat",
}
STATUS_LABELS = {status: status.value for status in ActivityStatus}


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class ActivityDetails:
    """An activity as a writer gives it, checked by the form before it gets here."""

    sector: Sector
    group: str
    title: str
    status: ActivityStatus
    next_step: str = ""
    link: str = ""


def match_key(activity: ActivityDetails | Activity) -> tuple[Sector, str, str]:
    """Two reports list the same activity when sector, group and title agree (case aside)."""
    return activity.sector, _words(activity.group), _words(activity.title)


def store_report(
    actor: Any, update: Any, activities: Sequence[ActivityDetails], terms_of_reference: str
) -> Report:
    """Keep the activities and terms of the version of ``update`` being saved.

    Runs inside the core's save of the update, which commits it or rolls it back.
    """
    report = Report(
        update_id=update.id, version=update.version, terms_of_reference=terms_of_reference,
        saved_by_id=actor.id if actor is not None else None,
        activities=[
            Activity(position=position, **asdict(details))
            for position, details in enumerate(activities, start=1)
        ],
    )  # fmt: skip
    db.session.add(report)
    db.session.flush()
    record_audit(
        actor, "ai.report_saved", "theme_update", update.id,
        version=update.version, activities=len(activities),
    )  # fmt: skip
    return report


def saved_report(update_id: int, version: int) -> Report | None:
    """What version ``version`` of the update holds: the latest save at or before it."""
    query = (
        select(Report)
        .where(Report.update_id == update_id, Report.version <= version)
        .order_by(Report.version.desc())
        .limit(1)
    )
    return db.session.scalar(query)


@dataclass(frozen=True)
class PublishedReport:
    """A published AI update with the activities and terms of its published version."""

    update: Any
    saved: Report | None

    @property
    def id(self) -> int:
        return self.update.id

    @property
    def activities(self) -> list[Activity]:
        return list(self.saved.activities) if self.saved else []

    @property
    def terms_of_reference(self) -> str:
        return self.saved.terms_of_reference if self.saved else ""

    def by_sector(self) -> list[tuple[Sector, list[Activity]]]:
        """The activities of each sector that has some, in the order of the Sectors."""
        grouped = [
            (sector, [item for item in self.activities if item.sector == sector])
            for sector in Sector
        ]
        return [(sector, items) for sector, items in grouped if items]


def published_reports(
    first_day: date | None = None, last_day: date | None = None
) -> list[PublishedReport]:
    """Published AI reports whose period meets the days given, the latest period last.

    A fixed number of queries however many reports and activities there are.
    """
    updates = published_theme_updates(THEME, first_day, last_day)
    saved = _saved_for(updates)
    return [PublishedReport(update, saved.get(update.id)) for update in updates]


def published_report(update_id: int) -> PublishedReport | None:
    return next((item for item in published_reports() if item.id == update_id), None)


def _saved_for(updates: list[Any]) -> dict[int, Report]:
    """For each update, the ``Report`` row of its current version, in two queries."""
    versions = {update.id: update.version for update in updates}
    if not versions:
        return {}
    rows = db.session.execute(
        select(Report.id, Report.update_id, Report.version).where(Report.update_id.in_(versions))
    )
    chosen: dict[int, tuple[int, int]] = {}
    for report_id, update_id, version in rows:
        if version <= versions[update_id] and version > chosen.get(update_id, (-1, 0))[0]:
            chosen[update_id] = (version, report_id)
    ids = [report_id for _version, report_id in chosen.values()]
    return {
        report.update_id: report
        for report in db.session.scalars(select(Report).where(Report.id.in_(ids)))
    }


@dataclass(frozen=True)
class TermsVersion:
    """One text of the terms of reference, the report it came with and those that kept it."""

    number: int
    text: str
    came_with: PublishedReport
    kept_by: list[PublishedReport]


def terms_history(reports: list[PublishedReport]) -> list[TermsVersion]:
    """Each text the terms of reference had in the published reports, the first first.

    A report with no terms of reference keeps the previous text.
    """
    history: list[TermsVersion] = []
    for report in reports:
        text = report.terms_of_reference
        if not text:
            continue
        if history and history[-1].text == text:
            history[-1].kept_by.append(report)
        else:
            history.append(TermsVersion(len(history) + 1, text, report, []))
    return history
