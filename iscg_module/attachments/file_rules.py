"""What may be attached: how many files, how large, of which kinds, under which names.

A file's kind is decided from its name's extension and its content together: the
extension says what the file claims to be, and the content must agree (see
``file_formats`` for single files, ``office_packages`` for documents). What the browser
says (the part's Content-Type) is never read, since anyone can set it. A program renamed
``.pdf`` is refused by name, so the person knows why.

PDF and images, the kinds a browser displays itself, must not carry a web page's code
anywhere, since a page hidden in them could run. Text is not searched, as it is served as
text and may well quote such code; nor are documents, whose parts are packed. Every
refusal is worded here, naming the file and the rule it breaks.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from werkzeug.datastructures import FileStorage

from iscg_module.attachments.file_formats import (
    any_content,
    complete_jpeg,
    complete_pdf,
    complete_png,
    is_program,
    is_text,
    starts_as_jpeg,
    starts_as_pdf,
    starts_as_png,
    web_page_code,
)
from iscg_module.attachments.office_packages import (
    EXCEL,
    MAX_INFLATED_BYTES,
    MAX_INFLATION_RATIO,
    MAX_PACKAGE_PARTS,
    OPENDOCUMENT,
    POWERPOINT,
    WORD,
    PackageLimit,
    PackageTooLarge,
    complete_package,
    office_open_xml,
    open_document,
)
from iscg_module.operation_refused import OperationRefused

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# The most text a form may carry: beside its files, or alone (see web/request_size.py).
FORM_ALLOWANCE_BYTES = 2 * 1024 * 1024
REQUEST_MAX_BYTES = MAX_FILES * MAX_FILE_BYTES + FORM_ALLOWANCE_BYTES
FILENAME_MAX = 200

# Characters Windows or macOS refuse in file names, or that read as a path.
UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*]')


class AttachmentRefused(OperationRefused):
    """A file that cannot be attached; the message names it and the rule it breaks."""


@dataclass(frozen=True)
class FileKind:
    """One kind of file that may be attached, and how its content is recognised.

    ``recognises`` reads how the content begins; ``complete`` checks all of it, and raises
    ``PackageTooLarge`` for a package that unpacks past a limit. The content of a kind
    ``shown_by_browsers`` must hold no web page code at all.
    """

    label: str
    media_type: str
    extensions: tuple[str, ...]
    recognises: Callable[[bytes], bool]
    complete: Callable[[bytes], bool] = any_content
    shown_by_browsers: bool = False


KINDS = (
    FileKind("PDF", "application/pdf", (".pdf",), starts_as_pdf, complete_pdf,
             shown_by_browsers=True),
    FileKind("Word", WORD, (".docx",), office_open_xml(WORD), complete_package),
    FileKind("Excel", EXCEL, (".xlsx",), office_open_xml(EXCEL), complete_package),
    FileKind("PowerPoint", POWERPOINT, (".pptx",), office_open_xml(POWERPOINT),
             complete_package),
    FileKind("OpenDocument text", f"{OPENDOCUMENT}.text", (".odt",),
             open_document(f"{OPENDOCUMENT}.text"), complete_package),
    FileKind("OpenDocument spreadsheet", f"{OPENDOCUMENT}.spreadsheet", (".ods",),
             open_document(f"{OPENDOCUMENT}.spreadsheet"), complete_package),
    FileKind("OpenDocument presentation", f"{OPENDOCUMENT}.presentation", (".odp",),
             open_document(f"{OPENDOCUMENT}.presentation"), complete_package),
    FileKind("Text", "text/plain", (".txt",), is_text),
    FileKind("CSV", "text/csv", (".csv",), is_text),
    FileKind("PNG image", "image/png", (".png",), starts_as_png, complete_png,
             shown_by_browsers=True),
    FileKind("JPEG image", "image/jpeg", (".jpg", ".jpeg"), starts_as_jpeg, complete_jpeg,
             shown_by_browsers=True),
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
    if is_program(data):
        raise AttachmentRefused(f"{shown} was refused: it is a program, whatever its name says.")
    if not kind.recognises(data):
        raise AttachmentRefused(
            f"{shown} was refused: its name says {kind.label}, its content does not."
        )
    _check_content(shown, kind, data)
    return CheckedFile(name, kind, data)


def _check_content(shown: str, kind: FileKind, data: bytes) -> None:
    """``AttachmentRefused`` for content that is not whole, or that hides a web page."""
    code = web_page_code(data) if kind.shown_by_browsers else None
    if code:
        raise AttachmentRefused(
            f"{shown} was refused: it contains the code of a web page ({code}), "
            "which a browser could run."
        )
    try:
        complete = kind.complete(data)
    except PackageTooLarge as refusal:
        raise AttachmentRefused(f"{shown} was refused: {_too_large(refusal.limit)}") from None
    if not complete:
        raise AttachmentRefused(
            f"{shown} was refused: it does not look like a complete {kind.label} file."
        )


def _too_large(limit: PackageLimit) -> str:
    """Why a package past ``limit`` is refused, in the words that follow "<name> was refused: "."""
    if limit is PackageLimit.PARTS:
        return f"it holds more than {MAX_PACKAGE_PARTS:,} parts, the most a document may."
    if limit is PackageLimit.INFLATED:
        return (
            f"it unpacks to more than {format_size(MAX_INFLATED_BYTES)}, the most a document may."
        )
    return (
        f"a part of it unpacks to more than {MAX_INFLATION_RATIO} times its packed size, "
        "the most a part may."
    )


def _extension(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return f".{extension.lower()}" if dot and stem else ""
