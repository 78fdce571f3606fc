"""The accessibility theme's part of the progress report, in Markdown."""

from __future__ import annotations

from iscg_accessibility.fund import totals_between
from iscg_accessibility.items import STATUS_LABELS, changes_between
from iscg_accessibility.liaisons import PURPOSE_LABELS, liaisons_between

from iscg_module.platform.api import ReportPeriod, ReportSection


def accessibility_section(period: ReportPeriod) -> ReportSection:
    """What moved on the theme during ``period``: items, the fund, liaison statements."""
    parts = [
        ("Requests and initiatives", _item_lines(period), "No request or initiative moved."),
        ("ICT Accessibility Fund", _fund_lines(period), "No pledge or payment was recorded."),
        ("Liaison statements", _liaison_lines(period), "No liaison statement was agreed or sent."),
    ]
    body = "\n\n".join(
        f"**{heading}.**\n\n" + ("\n".join(lines) if lines else none)
        for heading, lines, none in parts
    )
    return ReportSection("Accessibility", body, order=40)


def _item_lines(period: ReportPeriod) -> list[str]:
    return [
        f"- {change.on_day:%d %B %Y}: {change.item.title} — "
        f"{STATUS_LABELS[change.to_status]}. {change.reason}"
        for change in changes_between(period.first_day, period.last_day)
    ]


def _fund_lines(period: ReportPeriod) -> list[str]:
    return [
        f"- {total.currency}: {total.pledged:,.2f} pledged, {total.paid:,.2f} paid."
        for total in totals_between(period.first_day, period.last_day)
    ]


def _liaison_lines(period: ReportPeriod) -> list[str]:
    lines = []
    for statement in liaisons_between(period.first_day, period.last_day):
        sent = f"sent {statement.sent_on:%d %B %Y}" if statement.sent_on else "not sent yet"
        reply = f", reply expected by {statement.reply_by:%d %B %Y}" if statement.reply_by else ""
        lines.append(
            f"- To {statement.to_group}, {PURPOSE_LABELS[statement.purpose]}: {statement.title} "
            f"(agreed {statement.agreed_on:%d %B %Y}, {sent}{reply})."
        )
    return lines
