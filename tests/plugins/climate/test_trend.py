"""Period labels and the words of a change, which depend on the indicator's direction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from iscg_climate.models import Direction
from iscg_climate.trend import Point, change_of, period_label, summary


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2021, 1, 1), date(2021, 12, 31), "2021"),
        (date(2021, 7, 1), date(2021, 9, 30), "Q3 2021"),
        (date(2021, 9, 1), date(2021, 9, 30), "September 2021"),
        (date(2021, 2, 1), date(2021, 3, 31), "1 Feb 2021 – 31 Mar 2021"),
        (date(2020, 7, 1), date(2021, 6, 30), "1 Jul 2020 – 30 Jun 2021"),
    ],
)
def test_periods_get_short_labels(start, end, label):
    assert period_label(start, end) == label


def year(number: int, value: str) -> Point:
    return Point(date(number, 1, 1), date(number, 12, 31), Decimal(value))


@pytest.mark.parametrize(
    ("direction", "first", "last", "improved"),
    [
        (Direction.LOWER_IS_BETTER, "10", "8", True),
        (Direction.LOWER_IS_BETTER, "8", "10", False),
        (Direction.HIGHER_IS_BETTER, "8", "10", True),
        (Direction.HIGHER_IS_BETTER, "10", "8", False),
        (Direction.HIGHER_IS_BETTER, "10", "10", None),
    ],
)
def test_whether_a_change_is_an_improvement_depends_on_the_direction(
    direction, first, last, improved
):
    change = change_of([year(2021, last), year(2020, first)], direction)
    assert change is not None and change.first.period_start.year == 2020
    assert change.improved is improved


def test_the_words_say_the_change_and_its_verdict():
    points = [year(2020, "1000"), year(2021, "1000")]
    assert summary("Pages", "pages", points, Direction.LOWER_IS_BETTER) == (
        "Pages, 2 periods: from 1,000 pages in 2020 to 1,000 pages in 2021: unchanged."
    )
    from_zero = change_of([year(2020, "0"), year(2021, "12.25")], Direction.LOWER_IS_BETTER)
    assert from_zero is not None and from_zero.words("MWh") == (
        "from 0 MWh in 2020 to 12.25 MWh in 2021: up 12.25 MWh, a change for the worse, "
        "as lower is better."
    )  # no relative change from 0
