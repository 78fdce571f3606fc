"""What may be attached: how many files, how large, of which kinds, under which names.

A file's kind is decided from its name's extension and its leading bytes together: the
extension says what the file claims to be, and the content must agree. What the browser
says (the part's Content-Type) is never read, since anyone can set it. A program renamed
``.pdf`` is refused by name, so the person knows why.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from werkzeug.datastructures import FileStorage

from iscg_module.operation_refused import OperationRefused

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# The most text a form may carry: beside its files, or alone (see web/request_size.py).
FORM_ALLOWANCE_BYTES = 2 * 1024 * 1024
REQUEST_MAX_BYTES = MAX_FILES * MAX_FILE_BYTES + FORM_ALLOWANCE_BYTES
FILENAME_MAX = 200
# Bytes of a PDF before its "%PDF-" header that readers tolerate.
PDF_HEADER_WINDOW = 1024

ZIP = b"PK\x03\x04"
PROGRAM_SIGNATURES = (
    b"MZ",  # Windows and DOS programs and libraries
    b"\x7fELF",  # Linux and other Unix programs
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",  # macOS programs, both byte orders
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal programs (and Java classes)
)  # fmt: skip
# Characters Windows or macOS refuse in file names, or that read as a path.
UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*]')


class AttachmentRefused(OperationRefused):
    """A file that cannot be attached; the message names it and the rule it breaks."""


@dataclass(frozen=True)
class FileKind:
    """One kind of file that may be attached, and how its content is recognised."""

    label: str
    media_type: str
    extensions: tuple[str, ...]
    recognises: Callable[[bytes], bool]


def _starts_with(signature: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(signature)


def _pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:PDF_HEADER_WINDOW]


def _office_open_xml(folder: str) -> Callable[[bytes], bool]:
    """A ZIP package with the parts of a Word, Excel or PowerPoint file (its ``folder``)."""

    def recognises(data: bytes) -> bool:
        if not data.startswith(ZIP):
            return False
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return False
        return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)

    return recognises


def _open_document(media_type: str) -> Callable[[bytes], bool]:
    """A ZIP package whose first entry, stored uncompressed, is ``mimetype`` naming its type.

    The OpenDocument standard requires that layout precisely so that the type can be read
    from the leading bytes: the entry's name starts at byte 30, its content at byte 38.
    """
    expected = b"mimetype" + media_type.encode()
    return lambda data: data.startswith(ZIP) and data[30 : 30 + len(expected)] == expected


def _text(data: bytes) -> bool:
    """No NUL byte, and readable as UTF-8 or as the Windows encoding Excel saves CSV in."""
    if b"\x00" in data:
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


OPENDOCUMENT = "application/vnd.oasis.opendocument"
OFFICE = "application/vnd.openxmlformats-officedocument"
KINDS = (
    FileKind("PDF", "application/pdf", (".pdf",), _pdf),
    FileKind("Word", f"{OFFICE}.wordprocessingml.document", (".docx",), _office_open_xml("word/")),
    FileKind("Excel", f"{OFFICE}.spreadsheetml.sheet", (".xlsx",), _office_open_xml("xl/")),
    FileKind("PowerPoint", f"{OFFICE}.presentationml.presentation", (".pptx",),
             _office_open_xml("ppt/")),
    FileKind("OpenDocument text", f"{OPENDOCUMENT}.text", (".odt",),
             _open_document(f"{OPENDOCUMENT}.text")),
    FileKind("OpenDocument spreadsheet", f"{OPENDOCUMENT}.spreadsheet", (".ods",),
             _open_document(f"{OPENDOCUMENT}.spreadsheet")),
    FileKind("OpenDocument presentation", f"{OPENDOCUMENT}.presentation", (".odp",),
             _open_document(f"{OPENDOCUMENT}.presentation")),
    FileKind("Text", "text/plain", (".txt",), _text),
    FileKind("CSV", "text/csv", (".csv",), _text),
    FileKind("PNG image", "image/png", (".png",), _starts_with(b"\x89PNG\r\n\x1a\n")),
    FileKind("JPEG image", "image/jpeg", (".jpg", ".jpeg"), _starts_with(b"\xff\xd8\xff")),
)  # fmt: skip
KIND_OF_EXTENSION = {extension: kind for kind in KINDS for extension in kind.extensions}
LABEL_OF_MEDIA_TYPE = {kind.media_type: kind.label for kind in KINDS}
ALLOWED_EXTENSIONS = ", ".join(
    extension[1:].upper() for kind in KINDS for extension in kind.extensions
)
LIMITS = (
    f"Up to {MAX_FILES} files at a time, each at most {MAX_FILE_BYTES // 2**20} MB: "
    f"{ALLOWED_EXTENSIONS}."
)


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every rule: its cleaned name, its kind and its bytes."""

    filename: str
    kind: FileKind
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def format_size(size: int) -> str:
    """A size for people: bytes, KB or MB (of 1024), as file managers show them."""
    if size < 1024:
        return f"{size} bytes"
    if size < 2**20:
        return f"{size / 1024:.0f} KB"
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MB"


def clean_filename(raw: str) -> str:
    """The name to keep and offer for download: no folders, no control or unsafe characters.

    Letters of every script stay. Invisible formatting characters go, among them the
    right-to-left override U+202E, which shows "report", U+202E, "fdp.exe" as
    "reportexe.pdf". A name longer than ``FILENAME_MAX`` is shortened before its extension.
    """
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(
        (" " if character.isspace() else "")
        if unicodedata.category(character).startswith(("C", "Z"))
        else character
        for character in name
    )
    name = " ".join(UNSAFE_IN_NAMES.sub("_", name).split()).strip(" .")
    if len(name) <= FILENAME_MAX:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        return name[:FILENAME_MAX].rstrip(" .")
    return f"{stem[: FILENAME_MAX - len(extension) - 1].rstrip(' .')}.{extension}"


def chosen_files(files: Iterable[object]) -> list[FileStorage]:
    """The files a person actually chose: browsers send an empty, nameless part for none."""
    return [item for item in files if isinstance(item, FileStorage) and item.filename]


def check_files(files: Iterable[object]) -> list[CheckedFile]:
    """Every chosen file, checked, or ``AttachmentRefused`` for the first that breaks a rule.

    All files are checked before any is kept, so a refusal keeps none of them.
    """
    chosen = chosen_files(files)
    if len(chosen) > MAX_FILES:
        raise AttachmentRefused(
            f"At most {MAX_FILES} files can be attached at a time; {len(chosen)} were chosen."
        )
    return [check_file(storage) for storage in chosen]


def check_file(storage: FileStorage) -> CheckedFile:
    """The file's cleaned name, kind and bytes, if it may be attached."""
    name = clean_filename(storage.filename or "")
    shown = name or "The file"
    storage.stream.seek(0)
    data = storage.stream.read(MAX_FILE_BYTES + 1)
    if not data:
        raise AttachmentRefused(f"{shown} is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentRefused(
            f"{shown} is larger than {format_size(MAX_FILE_BYTES)}, the most a file may be."
        )
    kind = KIND_OF_EXTENSION.get(_extension(name))
    if kind is None:
        raise AttachmentRefused(f"{shown} cannot be attached: only {ALLOWED_EXTENSIONS} files can.")
    if data.startswith(PROGRAM_SIGNATURES):
        raise AttachmentRefused(f"{shown} was refused: it is a program, whatever its name says.")
    if not kind.recognises(data):
        raise AttachmentRefused(
            f"{shown} was refused: its name says {kind.label}, its content does not."
        )
    return CheckedFile(name, kind, data)


def _extension(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return f".{extension.lower()}" if dot and stem else ""
