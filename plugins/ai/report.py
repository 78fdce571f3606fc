"""The AI theme's part of the progress report, in Markdown."""

from __future__ import annotations

from iscg_ai.models import Activity
from iscg_ai.reports import SECTOR_LABELS, STATUS_LABELS, PublishedReport, published_reports

from iscg_module.platform.api import ReportPeriod, ReportSection

TITLE = "Artificial intelligence"


def ai_section(period: ReportPeriod) -> ReportSection:
    """The AI reports published on ``period``: activities by sector, and the terms' changes."""
    shown = published_reports(period.first_day, period.last_day)
    if not shown:
        return ReportSection(TITLE, "No AI report on the period was published.", order=50)
    parts = [_report_part(item) for item in shown]
    parts.append("**Terms of reference of the AI sub-group.**\n\n" + _terms_part(shown))
    return ReportSection(TITLE, "\n\n".join(parts), order=50)


def _report_part(report: PublishedReport) -> str:
    update = report.update
    heading = f"**{update.title}** ({update.period_start:%d %B %Y} – {update.period_end:%d %B %Y})."
    lines = [
        f"- {SECTOR_LABELS[sector]}: " + "; ".join(_described(item) for item in items) + "."
        for sector, items in report.by_sector()
    ]
    return heading + "\n\n" + ("\n".join(lines) if lines else "No activity was listed.")


def _described(item: Activity) -> str:
    named = f"{item.group}: {item.title}" if item.group else item.title
    return f"{named} ({STATUS_LABELS[item.status]})"


def _terms_part(shown: list[PublishedReport]) -> str:
    """For each report shown, whether it set out, changed or kept the terms of reference."""
    previous = _terms_before(shown[0])
    lines = []
    for report in shown:
        text = report.terms_of_reference
        if not text:
            continue
        if text != previous:
            verb = "changed them to" if previous else "set them out"
            quoted = "\n".join(f"  > {line}" if line else "  >" for line in text.splitlines())
            lines.append(f"- {report.update.title} {verb}:\n\n{quoted}")
        else:
            lines.append(f"- {report.update.title} kept them unchanged.")
        previous = text
    return "\n".join(lines) if lines else "No report of the period gave terms of reference."


def _terms_before(first: PublishedReport) -> str:
    """The terms of reference as the published reports before ``first`` left them."""
    every = published_reports()
    earlier = every[: next(index for index, item in enumerate(every) if item.id == first.id)]
    return next(
        (item.terms_of_reference for item in reversed(earlier) if item.terms_of_reference), ""
    )
