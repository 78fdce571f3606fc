"""Files for tests of attachments: small valid ones of each kind, and impostors."""

from __future__ import annotations

import io
import zipfile

from werkzeug.datastructures import FileStorage

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
LINUX_PROGRAM = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56


def docx() -> bytes:
    """The smallest package that reads as a Word document: its content types and body."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


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
