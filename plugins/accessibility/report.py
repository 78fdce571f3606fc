"""The accessibility theme's part of the progress report, in Markdown."""

from __future__ import annotations

from iscg_accessibility.items import STATUS_LABELS, changes_between

from iscg_module.platform.api import ReportPeriod, ReportSection


def items_section(period: ReportPeriod) -> ReportSection:
    """What moved on the theme's requests and initiatives during ``period``."""
    lines = [
        f"- {change.on_day:%d %B %Y}: **{change.item.title}** — "
        f"{STATUS_LABELS[change.to_status]}. {change.reason}"
        for change in changes_between(period.first_day, period.last_day)
    ]
    body = "\n".join(lines) if lines else "No request or initiative moved in the period."
    return ReportSection("Accessibility: requests and initiatives", body, order=40)
