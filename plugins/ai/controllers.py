"""The AI theme's views, which ``blueprint.py`` maps: members read the published reports.

Reports are written on the core's update form of the theme, by its focal points and admins.
"""

from __future__ import annotations

from flask import Response, abort, render_template, request
from flask_login import current_user
from iscg_ai.changes import changes_between
from iscg_ai.csv_export import activities_csv
from iscg_ai.forms import CompareForm
from iscg_ai.models import ActivityStatus
from iscg_ai.permissions import WRITE
from iscg_ai.reports import (
    SECTOR_LABELS,
    STATUS_LABELS,
    PublishedReport,
    published_reports,
    terms_history,
)
from wtforms.fields.choices import SelectChoice

from iscg_module.platform.api import MEMBER, Sector, require


def _labels() -> dict[str, object]:
    return {
        "sectors": SECTOR_LABELS, "statuses": STATUS_LABELS,
        "may_write": WRITE.allows(current_user),
    }  # fmt: skip


def _report_or_404(reports: list[PublishedReport], update_id: int) -> PublishedReport:
    return next((item for item in reports if item.id == update_id), None) or abort(404)


@require(MEMBER)
def index() -> str:
    reports = published_reports()
    latest = reports[-1] if reports else None
    return render_template(
        "iscg_ai/report.html", report=latest, latest=True, count=len(reports), **_labels()
    )


@require(MEMBER)
def reports() -> str:
    listed = list(reversed(published_reports()))
    return render_template("iscg_ai/reports.html", reports=listed, **_labels())


@require(MEMBER)
def report(update_id: int) -> str:
    every = published_reports()
    shown = _report_or_404(every, update_id)
    return render_template(
        "iscg_ai/report.html", report=shown, latest=shown is every[-1], count=len(every),
        **_labels(),
    )  # fmt: skip


@require(MEMBER)
def activities_export(update_id: int) -> Response:
    shown = _report_or_404(published_reports(), update_id)
    name = f"ai-activities-{shown.id}-v{shown.update.version}.csv"
    return Response(
        activities_csv(shown),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@require(MEMBER)
def activities() -> str:
    reports = published_reports()
    latest = reports[-1] if reports else None
    counts = {sector: dict.fromkeys(ActivityStatus, 0) for sector in Sector}
    for item in latest.activities if latest else []:
        counts[item.sector][item.status] += 1
    return render_template("iscg_ai/activities.html", report=latest, counts=counts, **_labels())


@require(MEMBER)
def changes() -> tuple[str, int] | str:
    reports = published_reports()
    choices = [SelectChoice(item.id, _choice_label(item)) for item in reversed(reports)]
    form = CompareForm(request.args, choices)
    if len(reports) < 2:
        return render_template("iscg_ai/changes.html", form=form, found=None, **_labels())
    if "earlier" not in request.args and "later" not in request.args:
        form.earlier.data, form.later.data = reports[-2].id, reports[-1].id
    elif not form.validate():
        page = render_template("iscg_ai/changes.html", form=form, found=None, **_labels())
        return page, 400
    earlier = _report_or_404(reports, form.earlier.data)
    later = _report_or_404(reports, form.later.data)
    if reports.index(earlier) > reports.index(later):
        earlier, later = later, earlier
    found = changes_between(earlier, later)
    return render_template("iscg_ai/changes.html", form=form, found=found, **_labels())


def _choice_label(report: PublishedReport) -> str:
    update = report.update
    return f"{update.title} ({update.period_start:%d %b %Y} – {update.period_end:%d %b %Y})"


@require(MEMBER)
def terms() -> str:
    history = list(reversed(terms_history(published_reports())))
    return render_template("iscg_ai/terms.html", history=history, **_labels())
