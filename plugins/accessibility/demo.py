"""The accessibility theme as the reference report of September 2021 tells it."""

from __future__ import annotations

from datetime import date

from iscg_accessibility.items import ItemDetails, item_by_title, move_item, record_item
from iscg_accessibility.models import ItemKind, ItemStatus

BUDGET_LINE = ItemDetails(
    kind=ItemKind.REQUEST,
    title="Budget line for accessibility, 100,000 CHF/year",
    owner="Focal Point for Accessibility",
    target_body="Council 2022",
    target_date=date(2022, 6, 21),
    description=(
        "Implementing the ITU-wide accessibility strategy needs a budget line for "
        "accessibility of 100k CHF per year. No decision was taken by C21/VCC, and the point "
        "is not going to CWG-FHR in September 2021."
    ),
)

PRESENTED = "Presented by the Focal Point at the ISCG meeting of 1 September 2021."
SUPPORTED = "The ISCG agreed to support the request; it is to be prepared for Council 2022."


def load_demo() -> None:
    """Record the budget-line request once; running it again changes nothing."""
    if item_by_title(BUDGET_LINE.title) is not None:
        return
    meeting_day = date(2021, 9, 1)
    item = record_item(None, BUDGET_LINE, meeting_day, PRESENTED)
    move_item(None, item, ItemStatus.IN_PREPARATION, meeting_day, SUPPORTED)
