"""The accessibility theme's section of the progress report for a period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from iscg_accessibility.fund import Contribution, record_contribution
from iscg_accessibility.items import ItemDetails, move_item, record_item
from iscg_accessibility.liaisons import LiaisonDetails, record_liaison
from iscg_accessibility.models import FundEntryKind, ItemKind, ItemStatus, LiaisonPurpose

from iscg_module.platform.api import ReportPeriod
from iscg_module.testing.plugins import disable_plugin, report_markdown

pytestmark = pytest.mark.iscg_plugins("accessibility")

OCTOBER_2021 = ReportPeriod(date(2021, 10, 1), date(2021, 10, 31))


@pytest.fixture
def theme_life(app, admin):
    """A request that moved in October, fund entries in and out of it, two statements."""
    details = ItemDetails(ItemKind.REQUEST, "Budget line", "Focal Point", "Council 2022", None)
    item = record_item(admin, details, date(2021, 9, 1), "Presented.")
    move_item(admin, item, ItemStatus.IN_PREPARATION, date(2021, 10, 15), "Drafting the request.")
    for kind, amount, currency, day in [
        (FundEntryKind.PLEDGE, "25000", "CHF", date(2021, 10, 4)),
        (FundEntryKind.PAYMENT, "10000.50", "CHF", date(2021, 10, 20)),
        (FundEntryKind.PLEDGE, "3000", "USD", date(2021, 10, 21)),
        (FundEntryKind.PLEDGE, "99999", "CHF", date(2021, 11, 2)),
    ]:
        entry = Contribution(kind, "Administration", Decimal(amount), currency, day)
        record_contribution(admin, entry)
    record_liaison(
        admin,
        LiaisonDetails(
            "Presentation", "ITU-D Q7/1", LiaisonPurpose.FOR_ACTION, date(2021, 9, 1),
            sent_on=date(2021, 10, 5), reply_by=date(2022, 1, 15),
        ),
    )  # fmt: skip
    record_liaison(
        admin,
        LiaisonDetails("Guidelines", "TSAG", LiaisonPurpose.FOR_INFORMATION, date(2021, 12, 1)),
    )


def test_the_section_tells_what_moved_in_the_period(theme_life):
    section = report_markdown(OCTOBER_2021)["Accessibility"]
    assert "- 15 October 2021: Budget line — in preparation. Drafting the request." in section
    assert "Presented." not in section  # the September step is outside the period
    assert "- CHF: 25,000.00 pledged, 10,000.50 paid." in section  # November's pledge left out
    assert "- USD: 3,000.00 pledged, 0.00 paid." in section
    assert (
        "- To ITU-D Q7/1, for action: Presentation (agreed 01 September 2021, "
        "sent 05 October 2021, reply expected by 15 January 2022)." in section
    )
    assert "TSAG" not in section


def test_a_quiet_period_says_so_and_a_disabled_plugin_has_no_section(theme_life):
    quiet = report_markdown(ReportPeriod(date(2023, 1, 1), date(2023, 12, 31)))["Accessibility"]
    assert "No request or initiative moved." in quiet
    assert "No pledge or payment was recorded." in quiet
    assert "No liaison statement was agreed or sent." in quiet
    disable_plugin("accessibility")
    assert "Accessibility" not in report_markdown(OCTOBER_2021)
