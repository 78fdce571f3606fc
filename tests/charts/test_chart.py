"""Charts drawn on the server: geometry that follows the numbers, and accessible markup."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask import render_template_string

from iscg_module.charts.chart import ChartKind, Series, make_chart
from tests.html_elements import elements_of

DRAW = '{% import "macros/charts.html" as charts %}{{ charts.chart(chart) }}'


def test_bars_stand_side_by_side_and_their_height_follows_the_value():
    chart = make_chart(
        "fund", "Fund per year", "Pledged and paid.", ["2021", "2022"],
        [Series("Pledged", [Decimal("25000"), Decimal("5000")]), Series("Paid", [10000, None])],
        unit="CHF",
    )  # fmt: skip
    pledged, paid = chart.series
    assert [mark.label for mark in pledged.marks] == ["Pledged: 25,000 CHF", "Pledged: 5,000 CHF"]
    assert len(paid.marks) == 1  # no bar where there is no value
    assert pledged.marks[0].height == pytest.approx(5 * pledged.marks[1].height)
    assert paid.marks[0].x > pledged.marks[0].x + pledged.marks[0].width - 1
    assert [tick.label for tick in chart.ticks] == [
        "0",
        "5,000",
        "10,000",
        "15,000",
        "20,000",
        "25,000",
    ]
    assert chart.series[0].colour != chart.series[1].colour


def test_a_line_joins_its_points_left_to_right():
    chart = make_chart(
        "co2", "Travel emissions", "Down by a third.", ["2019", "2020", "2021"],
        [Series("tCO2e", [Decimal("3.5"), 2, Decimal("2.34")])], kind=ChartKind.LINES,
    )  # fmt: skip
    (line,) = chart.series
    xs = [mark.x for mark in line.marks]
    assert xs == sorted(xs) and line.marks[0].y < line.marks[1].y  # higher value, higher point
    assert line.points.count(",") == 3 and line.marks[2].label == "tCO2e: 2.34"


def test_a_series_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError, match="one value per category"):
        make_chart("x", "X", "X.", ["2021", "2022"], [Series("A", [1])])


def test_the_drawing_is_an_image_named_by_its_title_and_summary(app):
    chart = make_chart(
        "fund-CHF", "Fund in CHF", "30,000 pledged in all.", ["2021"],
        [Series("Pledged", [30000]), Series("Paid", [0])],
    )  # fmt: skip
    with app.test_request_context():
        html = render_template_string(DRAW, chart=chart)
    (svg,) = [attributes for tag, attributes in elements_of(html) if tag == "svg"]
    assert svg["role"] == "img" and svg["aria-labelledby"] == "fund-CHF-title fund-CHF-desc"
    assert (
        "30,000 pledged in all." in html and "style=" not in html
    )  # the CSP allows no inline style
    assert "Pledged</span>" in html and "Paid</span>" in html  # the legend names each series
