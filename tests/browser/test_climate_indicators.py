"""The climate theme's indicators in a real browser: a value recorded by keyboard alone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = pytest.mark.browser


def _open(page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert axe_violations(page) == [], page.url


def test_the_secretariat_records_a_value_by_keyboard_and_the_chart_follows(page):
    sign_in_as(page, "ISCG Secretariat")
    _open(page, "Climate change")
    _open(page, "Paper pages printed")
    for start, end, value in (("2019-01-01", "2019-12-31", "120000"),
                              ("2021-01-01", "2021-12-31", "45000")):  # fmt: skip
        _open(page, "Record a value")
        page.get_by_label("Period from").fill(start)
        page.get_by_label("Period to").fill(end)
        page.get_by_label("Value, in pages").fill(value)
        page.get_by_label("Source").fill("ISCG/21-2/INF-1")
        page.get_by_role("button", name="Record it").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
    main = page.locator("main").inner_text()
    assert "45,000" in main and "an improvement, as lower is better" in main
    assert page.locator("figure.chart svg[role=img]").count() == 1
    assert axe_violations(page) == []
