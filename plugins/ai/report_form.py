"""The AI report's fieldset on the core's theme update form, for updates of the theme "ai".

Activities are repeatable rows: the report's own plus three blank ones, so a writer adds
up to three at a time. A new report starts from the latest published one, whose
activities and terms of reference the writer then brings up to date.
"""

from __future__ import annotations

from typing import Any

from iscg_ai.forms import ActivityRow, DistinctActivities, details_of, is_blank
from iscg_ai.models import ACTIVITIES_MAX, TERMS_MAX, Activity
from iscg_ai.reports import published_reports, saved_report, store_report
from wtforms import FormField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

from iscg_module.platform.api import FormExtension, RowList

BLANK_ROWS = 3


def _row(activity: Activity) -> dict[str, str]:
    return {
        "sector": activity.sector.value, "group": activity.group, "title": activity.title,
        "status": activity.status.value, "next_step": activity.next_step, "link": activity.link,
    }  # fmt: skip


def _with_blank_rows(activities: list[Activity]) -> list[dict[str, str]]:
    return [_row(item) for item in activities] + [{} for _ in range(BLANK_ROWS)]


class ReportFields(FormExtension):
    """Activities and the AI sub-group's terms of reference, kept with each version."""

    legend = "AI report: activities and terms of reference"

    def __init__(self) -> None:
        self._latest: tuple[list[Activity], str] | None = None

    def _latest_published(self) -> tuple[list[Activity], str]:
        """The latest published report's activities and terms, read once per form."""
        if self._latest is None:
            reports = published_reports()
            latest = reports[-1] if reports else None
            self._latest = (latest.activities, latest.terms_of_reference) if latest else ([], "")
        return self._latest

    def fields(self) -> dict[str, UnboundField]:
        return {
            "activities": RowList(
                FormField(ActivityRow, "Activity"),
                "Activities coordinated",
                description=(
                    "One row per activity. Sector, title and status are needed; leave a row "
                    "blank to leave it out, or clear a row to take the activity off. Save to "
                    f"get {BLANK_ROWS} more blank rows."
                ),
                validators=[DistinctActivities(ACTIVITIES_MAX)],
                max_rows=ACTIVITIES_MAX + BLANK_ROWS,
                default=lambda: _with_blank_rows(self._latest_published()[0]),
            ),
            "terms_of_reference": TextAreaField(
                "Terms of reference of the AI sub-group",
                description=(
                    "As they stand with this report; the previous report's text is filled in. "
                    f"At most {TERMS_MAX:,} characters."
                ),
                validators=[Length(max=TERMS_MAX)],
                default=lambda: self._latest_published()[1],
            ),
        }

    def load(self, subject: Any) -> dict[str, Any]:
        saved = saved_report(subject.id, subject.version)
        if saved is None:
            activities, terms = self._latest_published()
        else:
            activities, terms = list(saved.activities), saved.terms_of_reference
        return {"activities": _with_blank_rows(activities), "terms_of_reference": terms}

    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        rows = [row for row in values["activities"] if not is_blank(row)]
        store_report(
            actor, subject, [details_of(row) for row in rows], values["terms_of_reference"] or ""
        )
