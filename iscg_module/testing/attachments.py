"""Files for tests of attachments: small valid ones of each kind, and impostors."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from werkzeug.datastructures import FileStorage

WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
LINUX_PROGRAM = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
OFFICE = "application/vnd.openxmlformats-officedocument"
# The main part of each Office Open XML kind, and what it holds at the least.
OFFICE_MAIN_PARTS = {
    "docx": ("word/document.xml", f"{OFFICE}.wordprocessingml.document", "<w:document/>"),
    "xlsx": ("xl/workbook.xml", f"{OFFICE}.spreadsheetml.sheet", "<workbook/>"),
    "pptx": ("ppt/presentation.xml", f"{OFFICE}.presentationml.presentation", "<p:presentation/>"),
}


def _one_page_pdf() -> bytes:
    """A PDF of one blank page, whole: objects, cross-reference table, trailer, ``%%EOF``."""
    header = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    body, offsets = header, []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    table = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    table += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(body),
    )
    return body + table + trailer


def png_chunk(chunk_type: bytes, content: bytes) -> bytes:
    """A PNG chunk: its length, type, content and checksum."""
    checksum = zlib.crc32(chunk_type + content)
    return struct.pack(">I", len(content)) + chunk_type + content + struct.pack(">I", checksum)


def png(*extra_chunks: bytes) -> bytes:
    """A PNG image of one transparent pixel, with ``extra_chunks`` before its pixels."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
    pixels = png_chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(extra_chunks) + pixels + png_chunk(b"IEND", b"")


def _jpeg_segment(marker: int, content: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(content) + 2) + content


def jpeg() -> bytes:
    """A JPEG image of one grey 8 by 8 block: every table it needs, one scan, its end."""
    huffman_one_code = b"\x01" + b"\x00" * 15 + b"\x00"  # one code, one bit long, for 0
    return b"".join(
        (
            b"\xff\xd8",
            _jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
            _jpeg_segment(0xDB, b"\x00" + b"\x01" * 64),
            _jpeg_segment(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00"),
            _jpeg_segment(0xC4, b"\x00" + huffman_one_code),
            _jpeg_segment(0xC4, b"\x10" + huffman_one_code),
            _jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00"),
            b"\x3f",  # the block: no difference in its mean, then its end, padded with ones
            b"\xff\xd9",
        )
    )


PDF = _one_page_pdf()
PNG = png()
JPEG = jpeg()


def write_office_parts(package: zipfile.ZipFile, extension: str) -> None:
    """The parts every Office Open XML package of its kind has: content types, main part."""
    main_part, media_type, content = OFFICE_MAIN_PARTS[extension]
    package.writestr(
        "[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main_part}" ContentType="{media_type}.main+xml"/>'
        "</Types>",
        zipfile.ZIP_DEFLATED,
    )
    package.writestr(main_part, content, zipfile.ZIP_DEFLATED)


def office_package(extension: str) -> bytes:
    """The smallest package that reads as a Word, Excel or PowerPoint file (``extension``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        write_office_parts(package, extension)
    return buffer.getvalue()


def docx() -> bytes:
    """The smallest package that reads as a Word document: its content types and body."""
    return office_package("docx")


def odt() -> bytes:
    """An OpenDocument text: its ``mimetype`` entry first, stored, as the standard says."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        package.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(data: bytes, filename: str) -> FileStorage:
    """A file as a form's file field hands it over."""
    return FileStorage(io.BytesIO(data), filename=filename)


def form_file(data: bytes, filename: str) -> tuple[io.BytesIO, str]:
    """A file for ``FormClient.post_form``: ``{"new_attachments": [form_file(PDF, "a.pdf")]}``."""
    return io.BytesIO(data), filename
