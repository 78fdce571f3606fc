"""The accessibility theme as the reference report of September 2021 tells it."""

from __future__ import annotations

from datetime import date

from iscg_accessibility.items import ItemDetails, item_by_title, move_item, record_item
from iscg_accessibility.liaisons import LiaisonDetails, liaison_by_title, record_liaison
from iscg_accessibility.models import ItemKind, ItemStatus, LiaisonPurpose

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

FUND_APPEAL = ItemDetails(
    kind=ItemKind.INITIATIVE,
    title="Replenishment of the ICT Accessibility Fund",
    owner="Focal Point for Accessibility",
    target_body="ITU membership",
    target_date=None,
    description="The membership is invited to replenish the ICT Accessibility Fund.",
)
LIAISON_TO_Q7_1 = LiaisonDetails(
    title="Work coordinated within the ISC-TF on accessibility (presentation)",
    to_group="ITU-D Q7/1",
    purpose=LiaisonPurpose.FOR_INFORMATION,
    agreed_on=date(2021, 9, 1),
    summary=(
        "The ISCG agreed to send the Focal Point's presentation on the work being "
        "coordinated within the ISC-TF to ITU-D Question 7/1, for information."
    ),
    documents="ISCG/21-2/04-2",
)

PRESENTED = "Presented by the Focal Point at the ISCG meeting of 1 September 2021."
SUPPORTED = "The ISCG agreed to support the request; it is to be prepared for Council 2022."


INVITED = "The Focal Point invited the membership to replenish the fund on 1 September 2021."


def load_demo() -> None:
    """Record the theme as of 1 September 2021, once; running it again changes nothing."""
    meeting_day = date(2021, 9, 1)
    if item_by_title(BUDGET_LINE.title) is None:
        item = record_item(None, BUDGET_LINE, meeting_day, PRESENTED)
        move_item(None, item, ItemStatus.IN_PREPARATION, meeting_day, SUPPORTED)
    if item_by_title(FUND_APPEAL.title) is None:
        record_item(None, FUND_APPEAL, meeting_day, INVITED)
    if liaison_by_title(LIAISON_TO_Q7_1.title) is None:
        record_liaison(None, LIAISON_TO_Q7_1)
