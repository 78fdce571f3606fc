"""The AI report's rows on the update form in a real browser: labelled, numbered, axe-clean."""

from __future__ import annotations

import pytest

from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    axe_violations,
    chromium,
    live_server,
    page,
    sign_in_as,
)

pytestmark = pytest.mark.browser


def test_the_ai_update_form_and_its_refusal_have_no_axe_violations(page):  # noqa: F811
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
