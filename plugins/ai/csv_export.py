"""A report's activities as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from iscg_ai.reports import SECTOR_LABELS, STATUS_LABELS, PublishedReport

from iscg_module.platform.api import printable

HEADER = ("Sector", "Group or Question", "Title", "Status", "Next step", "Link")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` without control characters, and with a leading apostrophe if a spreadsheet
    would take it for a formula."""
    value = printable(value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def activities_csv(report: PublishedReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for item in report.activities:
        cells = (
            SECTOR_LABELS[item.sector], item.group, item.title, STATUS_LABELS[item.status],
            item.next_step, item.link,
        )  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()
