"""The form fields plugins and core forms share: files to attach, attached files to remove."""

from __future__ import annotations

import io

from flask_wtf import FlaskForm

from iscg_module.attachments.forms import AttachmentsField, RemovedAttachmentsField
from iscg_module.attachments.models import Attachment
from iscg_module.testing.attachments import PDF, WINDOWS_PROGRAM


class LiaisonForm(FlaskForm):
    class Meta:
        csrf = False

    files = AttachmentsField()
    remove = RemovedAttachmentsField()


def _posted(app, data):
    with app.test_request_context(method="POST", data=data):
        form = LiaisonForm()
        form.remove.offer([Attachment(id=7, filename="old.pdf", media_type="application/pdf",
                                      size=2048, sha256="0" * 64)])  # fmt: skip
        return form, form.validate(), form.files.data, form.remove.ticked


def test_chosen_files_are_the_fields_data_and_the_empty_part_is_dropped(app):
    data = {"files": [(io.BytesIO(PDF), "a.pdf"), (io.BytesIO(b""), "")], "remove": ["7"]}
    form, valid, files, ticked = _posted(app, data)
    assert valid, form.errors
    assert [storage.filename for storage in files] == ["a.pdf"] and ticked == {7}


def test_a_refused_file_is_an_error_of_the_field_naming_it(app):
    form, valid, _files, _ticked = _posted(app, {"files": [(io.BytesIO(WINDOWS_PROGRAM), "x.pdf")]})
    assert not valid
    assert form.errors["files"] == ["x.pdf was refused: it is a program, whatever its name says."]


def test_only_offered_attachments_can_be_removed(app):
    form, valid, _files, _ticked = _posted(app, {"remove": ["8"]})
    assert not valid and "remove" in form.errors


def test_the_field_says_its_limits_and_offers_the_allowed_kinds_to_the_picker(app):
    with app.test_request_context():
        form = LiaisonForm(formdata=None)
        html = str(form.files())
        remove = str(form.remove)
    assert 'type="file"' in html and "multiple" in html and 'accept=".pdf,.docx,' in html
    assert form.files.description.startswith("Up to 5 files at a time, each at most 10 MB")
    assert form.files.data == [] and "<ul" in remove
