"""Plugins reach attachments through the plugin API alone."""

from __future__ import annotations

import pytest

from iscg_module.extensions import db
from iscg_module.platform import api
from iscg_module.testing.attachments import PDF, WINDOWS_PROGRAM, upload

OFFERED = (
    "Attachment", "AttachmentRefused", "AttachmentsField", "RemovedAttachmentsField",
    "attachment_url", "store_attachments",
)  # fmt: skip


def test_the_api_exports_what_a_plugin_needs_for_files(app, member):
    assert set(OFFERED) <= set(api.__all__)
    (letter,) = api.store_attachments(member, [upload(PDF, "Liaison to Q7-1.pdf")])
    db.session.commit()
    assert db.session.get(api.Attachment, letter.id).filename == "Liaison to Q7-1.pdf"
    with app.test_request_context():
        assert api.attachment_url(letter) == f"/attachments/{letter.id}/Liaison%20to%20Q7-1.pdf"
        external = api.attachment_url(letter, _external=True)
    assert external.startswith("http://iscg.test/attachments/")


def test_a_refused_file_is_an_operation_refused_for_the_plugins_form_flow(app, member):
    with pytest.raises(api.OperationRefused, match=r"^letter\.pdf was refused"):
        api.store_attachments(member, [upload(WINDOWS_PROGRAM, "letter.pdf")])
    assert issubclass(api.AttachmentRefused, api.OperationRefused)
