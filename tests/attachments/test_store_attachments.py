"""Storing uploads as attachments, in the transaction of the operation that calls it."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from iscg_module.attachments.file_rules import AttachmentRefused
from iscg_module.attachments.file_store import attachment_store
from iscg_module.attachments.models import Attachment
from iscg_module.attachments.operations import store_attachments
from iscg_module.audit.models import AuditEntry
from iscg_module.database.unit_of_work import transactional
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.testing.attachments import PDF, PNG, WINDOWS_PROGRAM, upload
from tests.attachments.conftest import attachment_rows


def test_each_file_becomes_a_row_with_its_kind_size_digest_and_an_audit_entry(
    app, member, stored_files
):
    report, chart = store_attachments(member, [upload(PDF, "dir/Report 2021.pdf"),
                                               upload(PNG, "chart.png")])  # fmt: skip
    db.session.commit()
    assert (report.filename, report.media_type, report.size) == (
        "Report 2021.pdf", "application/pdf", len(PDF)
    )  # fmt: skip
    assert report.sha256 == hashlib.sha256(PDF).hexdigest()
    assert report.uploaded_by_id == member.id and report.uploaded_at is not None
    assert (chart.kind_label, report.kind_label) == ("PNG image", "PDF")
    assert attachment_store().read(report.sha256) == PDF
    assert stored_files() == sorted([report.sha256, chart.sha256])
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "attachment.stored"))
    assert [(entry.subject_id, entry.details["filename"]) for entry in entries] == [
        (report.id, "Report 2021.pdf"), (chart.id, "chart.png")
    ]  # fmt: skip


def test_the_same_bytes_twice_are_two_attachments_and_one_file(app, member, stored_files):
    first = store_attachments(member, [upload(PDF, "report.pdf")])
    second = store_attachments(member, [upload(PDF, "the same report.pdf")])
    db.session.commit()
    assert attachment_rows() == 2 and first[0].sha256 == second[0].sha256
    assert stored_files() == [first[0].sha256]


def test_the_rows_go_with_the_calling_operation_when_it_is_refused(app, member):
    @transactional
    def attach_then_refuse() -> None:
        store_attachments(member, [upload(PDF, "report.pdf")])
        raise OperationRefused("the caller's own rule")

    with pytest.raises(OperationRefused):
        attach_then_refuse()
    assert attachment_rows() == 0


@pytest.mark.parametrize(
    "files",
    [
        [upload(PDF, "good.pdf"), upload(WINDOWS_PROGRAM, "report.pdf")],
        [upload(PDF, f"{number}.pdf") for number in range(6)],
        [upload(b"", "empty.pdf")],
    ],
)
def test_a_refused_upload_keeps_no_file_and_no_row(app, member, stored_files, files):
    with pytest.raises(AttachmentRefused):
        store_attachments(member, files)
    db.session.commit()
    assert attachment_rows() == 0 and stored_files() == []
    assert (
        db.session.scalar(select(AuditEntry).where(AuditEntry.action.like("attachment%"))) is None
    )


def test_no_chosen_file_is_no_attachment(app, member, stored_files):
    assert store_attachments(member, [upload(b"", "")]) == []
    assert stored_files() == []
    assert db.session.scalar(select(Attachment)) is None
