"""The AI report's rows on the update form in a real browser: labelled, numbered, axe-clean."""

from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations, sign_in_as

pytestmark = pytest.mark.browser


def test_the_ai_update_form_and_its_refusal_have_no_axe_violations(page):
    sign_in_as(page, "ISC-TF Focal Point for AI")
    page.goto("/themes/ai/updates/new")
    assert axe_violations(page) == []
    first = page.get_by_role("group", name="Activity 1")
    assert first.get_by_label("Title", exact=True).input_value() == (
        "Coordination of AI activities across the Sectors"
    )  # started from the demo's published report
    page.get_by_label("Title", exact=True).first.fill("AI report, early 2022")
    page.get_by_label("Reporting period from").fill("2021-09-02")
    page.get_by_label("Reporting period until").fill("2022-02-01")
    page.get_by_label("Update", exact=True).fill("What moved since September 2021.")
    page.get_by_role("group", name="Activity 3").get_by_label("Title", exact=True).fill("Half")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    summary = page.locator("#error-summary").inner_text()
    assert "Activity 3, Sector: Choose the sector of this activity" in summary
    assert axe_violations(page) == []


def test_the_focal_point_submits_a_report_by_keyboard_and_members_read_its_rows(
    chromium, live_server
):
    writer = chromium.new_context(base_url=live_server.url)
    page = writer.new_page()
    sign_in_as(page, "ISC-TF Focal Point for AI")
    page.goto("/themes/ai/")
    page.get_by_role("link", name="Write a new report").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_label("Title (required)").fill("AI report, February 2022")
    page.get_by_label("Reporting period from").fill("2021-09-02")
    page.get_by_label("Reporting period until").fill("2022-02-01")
    page.get_by_label("Update", exact=True).fill("Activities coordinated since September 2021.")
    row = page.get_by_role("group", name="Activity 3")
    row.get_by_label("Sector").select_option(label="ITU-T")
    row.get_by_label("Group or Question (optional)").fill("ITU-T SG16")
    row.get_by_label("Title", exact=True).fill("AI for good standards work")
    row.get_by_label("Status").select_option(label="ongoing")
    page.get_by_role("button", name="Save and submit for publication").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#error-summary").count() == 0, page.locator("#error-summary").inner_text()
    page.get_by_text("Submitted for publication.").wait_for()
    assert axe_violations(page) == []
    writer.close()

    publisher = chromium.new_context(base_url=live_server.url)
    page = publisher.new_page()
    sign_in_as(page, "ISCG Secretariat")
    page.goto("/themes/ai/updates/")
    page.get_by_role("link", name="AI report, February 2022").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("button", name="Publish").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/themes/ai/activities")
    assert "AI for good standards work" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    publisher.close()
