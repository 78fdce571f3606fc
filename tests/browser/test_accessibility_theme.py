"""The accessibility theme in a real browser: what the demo shows, and an update's way to
publication by keyboard alone, with axe-core checking every page on the way."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = pytest.mark.browser

TITLE = "Accessibility: progress towards Council 2022"


def _follow(page, name: str) -> None:
    """Move to a link by keyboard focus and open it with Enter."""
    page.get_by_role("link", name=name, exact=True).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert axe_violations(page) == [], page.url


def test_the_demo_theme_shows_the_request_the_fund_and_the_liaison(page):
    sign_in_as(page, "TDAG member")
    _follow(page, "Accessibility")
    body = page.locator("main").inner_text()
    assert "Budget line for accessibility, 100,000 CHF/year" in body
    assert "Council 2022" in body and "ITU-D Q7/1" in body
    _follow(page, "The ICT Accessibility Fund")
    assert "invited to replenish the fund" in page.locator("main").inner_text()
    page.go_back()
    _follow(page, "The focal point's updates")
    assert "Accessibility work coordinated within the ISC-TF" in page.locator("main").inner_text()


def test_a_focal_point_submits_by_keyboard_and_an_admin_publishes(chromium, live_server):
    writer = chromium.new_context(base_url=live_server.url)
    page = writer.new_page()
    sign_in_as(page, "Focal Point for Accessibility")
    _follow(page, "Accessibility")
    _follow(page, "The focal point's updates")
    _follow(page, "Write an update")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Reporting period from").fill("2021-09-02")
    page.get_by_label("Reporting period until").fill("2022-01-31")
    page.get_by_label("Update", exact=True).fill(
        "The request for a budget line is being prepared for **Council 2022**."
    )
    page.get_by_role("button", name="Save and submit for publication").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Submitted for publication.").wait_for()
    assert axe_violations(page) == []
    writer.close()

    publisher = chromium.new_context(base_url=live_server.url)
    page = publisher.new_page()
    sign_in_as(page, "ISCG Secretariat")
    page.goto("/themes/accessibility/updates/")
    _follow(page, TITLE)
    page.get_by_role("button", name="Publish").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Published: every member can read it").wait_for()
    assert axe_violations(page) == []
    publisher.close()

    reader = chromium.new_context(base_url=live_server.url)
    page = reader.new_page()
    sign_in_as(page, "TDAG member")
    page.goto("/themes/accessibility/updates/")
    assert TITLE in page.locator("main").inner_text()
    reader.close()
