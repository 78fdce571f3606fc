"""Files are checked whole: complete, with no web page hidden in them, and no zip bombs."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable

import pytest

from iscg_module.attachments.file_formats import MAX_IMAGE_PIECES
from iscg_module.attachments.file_rules import AttachmentRefused, check_file
from iscg_module.attachments.office_packages import (
    MAX_INFLATED_BYTES,
    MAX_PACKAGE_PARTS,
    RATIO_GRACE_BYTES,
)
from iscg_module.testing.attachments import (
    JPEG,
    OFFICE,
    OFFICE_MAIN_PARTS,
    PDF,
    PNG,
    docx,
    jpeg,
    odt,
    office_package,
    png,
    png_chunk,
    upload,
    write_office_parts,
)

MB = 2**20
WORD_MAIN = f"{OFFICE}.wordprocessingml.document.main+xml"
LABELS = {
    "pdf": "PDF", "png": "PNG image", "jpg": "JPEG image", "docx": "Word", "xlsx": "Excel",
    "pptx": "PowerPoint", "odt": "OpenDocument text",
}  # fmt: skip
SAMPLES = {
    "pdf": PDF, "png": PNG, "jpg": JPEG, "docx": docx(), "xlsx": office_package("xlsx"),
    "pptx": office_package("pptx"), "odt": odt(),
}  # fmt: skip
PACKAGES = ("docx", "xlsx", "pptx", "odt")


def refusal(data: bytes, filename: str) -> str:
    with pytest.raises(AttachmentRefused) as refused:
        check_file(upload(data, filename))
    return str(refused.value)


def incomplete(extension: str) -> str:
    return (
        f"file.{extension} was refused: it does not look like a complete {LABELS[extension]} file."
    )


def jpeg_comment(text: bytes) -> bytes:
    """The sample JPEG with a comment segment holding ``text`` after its start."""
    return JPEG[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + JPEG[2:]


def sheet_part(rows: int) -> str:
    """A worksheet of ``rows`` rows of figures, as Excel writes them."""
    cells = (
        f'<row r="{n}"><c r="A{n}"><v>{n * 7919 % 100_003}</v></c>'
        f'<c r="B{n}" t="s"><v>{n % 97}</v></c></row>'
        for n in range(1, rows + 1)
    )
    return f"<worksheet><sheetData>{''.join(cells)}</sheetData></worksheet>"


def package(extension: str, add: Callable[[zipfile.ZipFile], None]) -> bytes:
    """A Word, Excel, PowerPoint or OpenDocument package with its own parts, then ``add``'s."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if extension == "odt":
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                             zipfile.ZIP_STORED)  # fmt: skip
            archive.writestr("content.xml", "<office:document-content/>")
        else:
            write_office_parts(archive, extension)
        add(archive)
    return buffer.getvalue()


def zeros(name: str, size: int) -> Callable[[zipfile.ZipFile], None]:
    """A part of ``size`` zero bytes, written a megabyte at a time, never held whole."""

    def add(archive: zipfile.ZipFile) -> None:
        with archive.open(name, "w", force_zip64=size > 2**31) as part:
            for offset in range(0, size, MB):
                part.write(bytes(min(MB, size - offset)))

    return add


def stating(data: bytes, name: str, size: int, crc: int) -> bytes:
    """The package with both of ``name``'s entries, local and central, stating another size."""
    lying = bytearray(data)
    local = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset
    struct.pack_into("<I", lying, local + 14, crc)
    struct.pack_into("<I", lying, local + 22, size)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", lying, central + 16, crc)
    struct.pack_into("<I", lying, central + 24, size)
    return bytes(lying)


def peak_memory_of(check: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        with pytest.raises(AttachmentRefused):
            check()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        *(pytest.param(sample, extension, id=extension) for extension, sample in SAMPLES.items()),
        pytest.param(b"\xef\xbb\xbf\n\t" + PDF, "pdf", id="pdf-after-bom-and-blanks"),
        pytest.param(PDF + PDF[PDF.index(b"xref") :].replace(b"%%EOF\n", b"%%EOF"), "pdf",
                     id="pdf-updated-once"),
        pytest.param(PDF + b"\r\n" * 200, "pdf", id="pdf-blanks-after-its-end"),
        pytest.param(PDF + b"\x00 " * MB, "pdf", id="pdf-padded-after-its-end"),
        pytest.param(png(png_chunk(b"tEXt", b"Software\x00Chart maker 2.1 <notes>")), "png",
                     id="png-with-text"),
        pytest.param(jpeg_comment(b"Taken at the meeting <main hall>"), "jpg",
                     id="jpeg-with-comment"),
        pytest.param(JPEG + jpeg(), "jpg", id="jpeg-with-second-picture"),
        pytest.param(package("xlsx", lambda archive: archive.writestr("xl/worksheets/sheet1.xml",
                                                                       sheet_part(120_000))),
                     "xlsx", id="xlsx-of-10-mb-of-figures"),
        pytest.param(package("docx", zeros("word/media/blank.bin", RATIO_GRACE_BYTES)), "docx",
                     id="docx-with-blank-part-at-the-grace-size"),
        pytest.param(package("pptx", lambda archive: archive.writestr(
                         "ppt/media/photo.jpg", JPEG * 2000, zipfile.ZIP_STORED)), "pptx",
                     id="pptx-with-stored-photo"),
    ],
)  # fmt: skip
def test_whole_files_of_every_kind_are_accepted(data, extension):
    assert check_file(upload(data, f"file.{extension}")).data == data


@pytest.mark.parametrize(
    ("data", "extension", "code"),
    [
        (PDF.replace(b"endobj\n", b"endobj\n<script>alert(1)</script>\n", 1), "pdf", "<script>"),
        (PDF + b"<!DOCTYPE  HTML>\n", "pdf", "<!doctype html>"),
        (PDF.replace(b"/Count 1", b"/Count 1 /Note (<iframe src=x>)"), "pdf", "<iframe>"),
        (png(png_chunk(b"tEXt", b"Comment\x00<SCRIPT>alert(1)</SCRIPT>")), "png", "<script>"),
        (PNG + b"<html><body>", "png", "<html>"),
        (png(png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<svg/>")), "png", "<svg>"),
        (jpeg_comment(b"<svg onload=alert(1)>"), "jpg", "<svg>"),
        (JPEG + b"<Object data=x>", "jpg", "<object>"),
    ],
)  # fmt: skip
def test_images_and_pdfs_hiding_a_web_page_are_refused(data, extension, code):
    assert refusal(data, f"file.{extension}") == (
        f"file.{extension} was refused: it contains the code of a web page ({code}), "
        "which a browser could run."
    )


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body>Pay here</body></html>\n" + PDF,
        b"<!doctype html>" + PDF,
        b"%!PS-Adobe-3.0\n" + PDF,
        b"\x00" + PDF,
    ],
)
def test_a_pdf_must_start_with_its_header(data):
    assert "file.pdf was refused: its name says PDF, its content does not." in refusal(
        data, "file.pdf"
    )


def test_web_page_code_is_left_alone_in_text_that_is_served_as_text():
    notes = b"Embed the chart with <iframe src='...'> and <script> tags.\n"
    assert check_file(upload(notes, "notes.txt")).data == notes


@pytest.mark.parametrize("extension", LABELS)
def test_a_file_cut_short_is_refused_in_every_kind(extension):
    data = SAMPLES[extension]
    assert refusal(data[: len(data) * 2 // 3], f"file.{extension}") == incomplete(extension)


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" * 40, "pdf"),
        (PDF + b"\n" + b"%" * 1100, "pdf"),
        (PDF + b" " * 2000 + b"0 0 obj", "pdf"),
        (PNG[: PNG.index(b"IEND") - 4], "png"),
        (PNG + b"\x00" * 4, "png"),
        (PNG + PNG, "png"),
        (PNG.replace(b"IHDR\x00", b"IHDR\x01"), "png"),
        (PNG[:8] + PNG[PNG.index(b"IDAT") - 4 :], "png"),
        (JPEG[:-2], "jpg"),
        (JPEG + b"more", "jpg"),
        (JPEG.replace(b"\xff\xda\x00\x08", b"\xff\xda\x09\x08"), "jpg"),
        (JPEG[:-2] + b"\xff\xd8" + JPEG[2:], "jpg"),
        (png(*[png_chunk(b"teXt", b"")] * MAX_IMAGE_PIECES), "png"),
        (JPEG[:2] + b"\xff\xfe\x00\x02" * MAX_IMAGE_PIECES + JPEG[2:], "jpg"),
        (package("docx", lambda archive: archive.writestr("word/styles.xml", "<w:styles/>",
                                                           zipfile.ZIP_LZMA)), "docx"),
    ],
)  # fmt: skip
def test_a_file_damaged_or_with_more_after_its_end_is_refused(data, extension):
    assert refusal(data, f"file.{extension}") == incomplete(extension)


def typed_package(
    extension: str, main_type: str, content_types: Callable[[str], bytes] = str.encode
) -> bytes:
    """The parts of an ``extension`` package, its main part typed as ``main_type``."""
    main = OFFICE_MAIN_PARTS[extension][0]
    declared = f'<Types><Override PartName="/{main}" ContentType="{main_type}"/></Types>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types(declared))
        archive.writestr(main, "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("main_type", "extension"),
    [
        ("application/vnd.ms-word.document.macroEnabled.main+xml", "docx"),
        ("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xlsx"),
        (f"{OFFICE}.presentationml.slideshow.main+xml", "pptx"),
        (WORD_MAIN, "xlsx"),
        (f"{WORD_MAIN}.old", "docx"),
    ],
)
def test_a_package_whose_content_types_name_another_kind_is_refused_by_name(main_type, extension):
    name, label = f"file.{extension}", LABELS[extension]
    message = refusal(typed_package(extension, main_type), name)
    assert message == f"{name} was refused: its name says {label}, its content does not."


def test_content_types_may_be_written_in_utf_16():
    data = typed_package("docx", WORD_MAIN, lambda text: text.encode("utf-16"))
    assert check_file(upload(data, "file.docx")).kind.label == "Word"


@pytest.mark.parametrize("extension", PACKAGES)
def test_a_document_with_a_corrupted_part_is_refused(extension):
    data = package(extension, lambda archive: archive.writestr("extra.xml", "<a/>" * 500))
    start = data.index(b"extra.xml") + len("extra.xml")
    corrupted = data[:start] + bytes([data[start] ^ 0x55]) + data[start + 1 :]
    assert refusal(corrupted, f"file.{extension}") == incomplete(extension)


def test_a_zip_bomb_is_refused_without_being_unpacked():
    bomb = package("docx", zeros("word/media/image1.bin", 200 * MB))
    assert len(bomb) < 250 * 1024
    peak = peak_memory_of(lambda: check_file(upload(bomb, "minutes.docx")))
    assert peak < 20 * MB
    assert refusal(bomb, "minutes.docx") == (
        "minutes.docx was refused: a part of it unpacks to more than 100 times its packed size, "
        "the most a part may."
    )


@pytest.mark.parametrize("extension", PACKAGES)
def test_a_part_far_more_packed_than_a_document_is_refused(extension):
    bomb = package(extension, zeros("data.bin", 3 * RATIO_GRACE_BYTES))
    assert "a part of it unpacks to more than 100 times its packed size" in refusal(
        bomb, f"file.{extension}"
    )


def test_a_document_that_unpacks_past_the_limit_in_all_is_refused():
    parts = MAX_INFLATED_BYTES // RATIO_GRACE_BYTES + 1

    def add(archive: zipfile.ZipFile) -> None:
        for number in range(parts):
            zeros(f"xl/media/{number}.bin", RATIO_GRACE_BYTES)(archive)

    bomb = package("xlsx", add)
    peak = peak_memory_of(lambda: check_file(upload(bomb, "fund.xlsx")))
    assert peak < 20 * MB
    assert refusal(bomb, "fund.xlsx") == (
        "fund.xlsx was refused: it unpacks to more than 100 MB, the most a document may."
    )


@pytest.mark.parametrize(
    ("size", "refused_as"),
    [
        (100 * MB, "a part of it unpacks to more than 100 times its packed size"),
        (MB // 2, "it does not look like a complete"),
    ],
)
@pytest.mark.parametrize("extension", ["docx", "odt"])
def test_a_directory_that_understates_a_part_is_not_believed(extension, size, refused_as):
    honest = package(extension, zeros("data.bin", size))
    stated = 1024
    lying = stating(honest, "data.bin", stated, zlib.crc32(bytes(stated)))
    assert zipfile.ZipFile(io.BytesIO(lying)).testzip() is None  # reading as stated, it passes
    peak = peak_memory_of(lambda: check_file(upload(lying, f"file.{extension}")))
    assert peak < 20 * MB
    assert f"file.{extension} was refused: {refused_as}" in refusal(lying, f"file.{extension}")


@pytest.mark.parametrize("extension", PACKAGES)
def test_a_directory_that_overstates_a_part_is_refused(extension):
    honest = package(extension, lambda archive: archive.writestr("data.xml", "<a/>"))
    lying = stating(honest, "data.xml", 200 * MB, zlib.crc32(b"<a/>"))
    assert refusal(lying, f"file.{extension}") == incomplete(extension)


def test_a_document_of_too_many_parts_is_refused():
    def add(archive: zipfile.ZipFile) -> None:
        for number in range(MAX_PACKAGE_PARTS):
            archive.writestr(f"word/p{number}.xml", b"")

    crowded = package("docx", add)
    assert refusal(crowded, "file.docx") == (
        "file.docx was refused: it holds more than 10,000 parts, the most a document may."
    )
