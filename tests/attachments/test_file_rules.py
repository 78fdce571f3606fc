"""Which files may be attached: kinds from extension and content together, sizes, names."""

from __future__ import annotations

import pytest

from iscg_module.attachments.file_rules import (
    FILENAME_MAX,
    MAX_FILE_BYTES,
    MAX_FILES,
    AttachmentRefused,
    check_file,
    check_files,
    clean_filename,
    format_size,
)
from iscg_module.testing.attachments import (
    JPEG,
    LINUX_PROGRAM,
    PDF,
    PNG,
    WINDOWS_PROGRAM,
    docx,
    odt,
    office_package,
    upload,
)


@pytest.mark.parametrize(
    ("data", "filename", "media_type"),
    [
        (PDF, "Report.PDF", "application/pdf"),
        (b"\xef\xbb\xbf\r\n " + PDF, "report.pdf", "application/pdf"),
        (docx(), "minutes.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (office_package("xlsx"), "fund.xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (office_package("pptx"), "slides.pptx",
         "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        (odt(), "minutes.odt", "application/vnd.oasis.opendocument.text"),
        (PNG, "chart.png", "image/png"),
        (JPEG, "photo.jpeg", "image/jpeg"),
        ("Année;Montant\n2021;100 000\n".encode(), "fund.csv", "text/csv"),
        ("Année;Montant\n".encode("cp1252"), "fund-excel.csv", "text/csv"),
        (b"Notes of the meeting\n", "notes.txt", "text/plain"),
    ],
)  # fmt: skip
def test_a_file_is_recognised_by_its_extension_and_its_content(data, filename, media_type):
    checked = check_file(upload(data, filename))
    assert checked.kind.media_type == media_type and checked.data == data


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (WINDOWS_PROGRAM, "report.pdf", "report.pdf was refused: it is a program"),
        (LINUX_PROGRAM, "report.pdf", "report.pdf was refused: it is a program"),
        (WINDOWS_PROGRAM, "setup.exe", "setup.exe cannot be attached: only PDF, DOCX, XLSX,"),
        (PNG, "chart.pdf", "chart.pdf was refused: its name says PDF, its content does not."),
        (
            b"junk before the header\n" + PDF,
            "report.pdf",
            "report.pdf was refused: its name says PDF",
        ),
        (office_package("pptx"), "slides.docx", "slides.docx was refused: its name says Word"),
        (docx(), "minutes.xlsx", "minutes.xlsx was refused: its name says Excel"),
        (docx(), "minutes.odt", "minutes.odt was refused: its name says OpenDocument text"),
        (PDF, "report", "report cannot be attached"),
        (b"\x00\x01binary", "notes.txt", "notes.txt was refused: its name says Text"),
        (b"", "empty.pdf", "empty.pdf is empty."),
        (
            PDF + b"x" * MAX_FILE_BYTES,
            "big.pdf",
            "big.pdf is larger than 10 MB, the most a file may be.",
        ),
    ],
)
def test_a_file_that_breaks_a_rule_is_refused_by_name(data, filename, message):
    with pytest.raises(AttachmentRefused) as refusal:
        check_file(upload(data, filename))
    assert message in str(refusal.value)


def test_a_file_of_exactly_the_largest_size_is_accepted():
    data = PDF + b" " * (MAX_FILE_BYTES - len(PDF))
    assert len(check_file(upload(data, "full.pdf")).data) == MAX_FILE_BYTES


def test_at_most_five_files_at_a_time_and_unchosen_parts_do_not_count():
    unchosen = upload(b"", "")
    assert len(check_files([upload(PDF, f"{n}.pdf") for n in range(MAX_FILES)] + [unchosen])) == 5
    with pytest.raises(AttachmentRefused, match="At most 5 files can be attached at a time; 6"):
        check_files([upload(PDF, f"{n}.pdf") for n in range(MAX_FILES + 1)])


def test_one_bad_file_refuses_the_whole_upload():
    with pytest.raises(AttachmentRefused, match=r"^bad\.pdf was refused: it is a program"):
        check_files([upload(PDF, "good.pdf"), upload(WINDOWS_PROGRAM, "bad.pdf")])


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("C:\\Users\\focal\\Rapport annuel.pdf", "Rapport annuel.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("report\u202efdp.exe", "reportfdp.exe"),
        ("  .hidden  report\t2021 .pdf ", "hidden report 2021 .pdf"),
        ('a<b>c:"d"|e?f*.pdf', "a_b_c__d__e_f_.pdf"),
        ("تقرير الاتصالات.pdf", "تقرير الاتصالات.pdf"),
        ("e\u0301te\u0301.txt", "été.txt"),
    ],
)
def test_names_lose_folders_and_unsafe_characters_but_keep_every_script(raw, clean):
    assert clean_filename(raw) == clean


def test_a_long_name_is_shortened_before_its_extension():
    name = clean_filename("x" * 300 + ".pdf")
    assert len(name) == FILENAME_MAX and name.endswith("x.pdf")


@pytest.mark.parametrize(
    ("size", "text"),
    [(512, "512 bytes"), (12_345, "12 KB"), (3 * 2**20 + 2**19, "3.5 MB"), (10 * 2**20, "10 MB")],
)
def test_sizes_read_as_people_expect(size, text):
    assert format_size(size) == text
