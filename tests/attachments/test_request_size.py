"""Forms with files may be as large as five files and their text; others stay small."""

from __future__ import annotations

from iscg_module.attachments.file_rules import FORM_ALLOWANCE_BYTES, REQUEST_MAX_BYTES
from iscg_module.testing.accounts import make_focal_point, sign_in
from iscg_module.testing.attachments import PDF, form_file
from tests.attachments.conftest import attachment_rows

FORM = {
    "title": "Accessibility strategy",
    "period_start": "2021-07-01",
    "period_end": "2021-09-01",
    "body": "The strategy as adopted.",
    "links": "",
    "save": "y",
}


def test_a_form_with_files_may_be_larger_than_a_form_of_text(app):
    writer = sign_in(app, make_focal_point("Accessibility Focal Point", "accessibility"))
    assert app.config["MAX_CONTENT_LENGTH"] == REQUEST_MAX_BYTES >= 5 * 10 * 2**20
    three_megabytes = form_file(PDF + b" " * 3 * 2**20, "strategy.pdf")
    response = writer.post_form("/themes/accessibility/updates/new",
                                {**FORM, "new_attachments": [three_megabytes]})  # fmt: skip
    assert response.status_code == 302 and attachment_rows() == 1


def test_a_text_form_beyond_its_limit_gets_the_too_large_page(admin_client):
    text = "x" * (FORM_ALLOWANCE_BYTES + 1)
    response = admin_client.post_form("/themes/accessibility/updates/new", {"body": text})
    assert response.status_code == 413 and "That was too large" in response.get_data(as_text=True)


def test_a_form_beyond_the_upload_limit_gets_the_too_large_page(app, admin_client, stored_files):
    too_much = form_file(PDF + b" " * REQUEST_MAX_BYTES, "huge.pdf")
    response = admin_client.post_form("/themes/ai/updates/new", {"new_attachments": [too_much]})
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "That was too large" in page
    assert "at most 10 MB each, 5 at a time" in page
    assert attachment_rows() == 0 and stored_files() == []
