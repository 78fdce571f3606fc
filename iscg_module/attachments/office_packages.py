"""Documents packed as ZIP packages: Office Open XML (Word, Excel, PowerPoint) and OpenDocument.

A package is recognised by what it declares itself to be: Office Open XML in its
``[Content_Types].xml`` part, OpenDocument in the ``mimetype`` entry that must lead it.
It is complete when every part unpacks to the size and checksum its directory states.

Parts are unpacked as a stream, keeping nothing, and ``PackageTooLarge`` stops the
unpacking past ``MAX_INFLATED_BYTES`` in all, or past ``MAX_INFLATION_RATIO`` for a part,
so a zip bomb is stopped before it can go off. The exception only says which limit was
passed; the words that tell a person so are the attachment rules' to choose.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from enum import Enum

ZIP = b"PK\x03\x04"
OPENDOCUMENT = "application/vnd.oasis.opendocument"
OFFICE = "application/vnd.openxmlformats-officedocument"
WORD = f"{OFFICE}.wordprocessingml.document"
EXCEL = f"{OFFICE}.spreadsheetml.sheet"
POWERPOINT = f"{OFFICE}.presentationml.presentation"

# What a document's ZIP package may unpack to, all parts together, whatever its directory
# states; a part larger than RATIO_GRACE_BYTES may not unpack to more than
# MAX_INFLATION_RATIO times its packed size. Documents stay far below; zip bombs do not.
MAX_INFLATED_BYTES = 100 * 1024 * 1024
MAX_INFLATION_RATIO = 100
RATIO_GRACE_BYTES = 1024 * 1024
MAX_PACKAGE_PARTS = 10_000
INFLATE_CHUNK_BYTES = 64 * 1024
# How Office and OpenDocument programs pack parts; any other way is not theirs.
PACKED_AS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
CONTENT_TYPES = "[Content_Types].xml"
CONTENT_TYPES_MAX_BYTES = 1024 * 1024
# What reading a crafted or damaged ZIP package may raise, besides PackageTooLarge.
UNREADABLE_ZIP = (
    zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
)  # fmt: skip


class PackageLimit(Enum):
    """A limit on what a package may unpack to."""

    PARTS = "MAX_PACKAGE_PARTS"
    INFLATED = "MAX_INFLATED_BYTES"
    RATIO = "MAX_INFLATION_RATIO"


class PackageTooLarge(Exception):
    """A ZIP package that unpacks past ``limit``."""

    def __init__(self, limit: PackageLimit) -> None:
        super().__init__(limit.value)
        self.limit = limit


def office_open_xml(media_type: str) -> Callable[[bytes], bool]:
    """A recogniser of ZIP packages whose ``[Content_Types].xml`` declares ``media_type``.

    It is the main part of ``media_type`` that must be declared. A package that cannot be
    read at all is let through as claiming to be one, so that ``complete_package`` refuses
    it as cut short or damaged, which says more to the person.
    """
    main_part = re.escape(f"{media_type}.main+xml")
    declares = re.compile(rf"ContentType\s*=\s*([\"']){main_part}\1", re.IGNORECASE).search

    def recognises(data: bytes) -> bool:
        if not data.startswith(ZIP):
            return False
        try:
            content_types = _content_types(data)
        except UNREADABLE_ZIP:
            return True
        return content_types is not None and declares(content_types) is not None

    return recognises


def _content_types(data: bytes) -> str | None:
    """The package's ``[Content_Types].xml`` as text; None if it has none, or a huge one."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if CONTENT_TYPES not in package.namelist():
            return None
        with package.open(CONTENT_TYPES) as part:
            raw = part.read(CONTENT_TYPES_MAX_BYTES + 1)
    if len(raw) > CONTENT_TYPES_MAX_BYTES:
        return None
    return raw.decode(
        "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8", "replace"
    )


def open_document(media_type: str) -> Callable[[bytes], bool]:
    """A recogniser of ZIP packages led by an uncompressed ``mimetype`` entry naming ``media_type``.

    The OpenDocument standard requires that layout precisely so that the type can be read
    from the leading bytes: the entry's name starts at byte 30, its content at byte 38.
    """
    expected = b"mimetype" + media_type.encode()
    return lambda data: data.startswith(ZIP) and data[30 : 30 + len(expected)] == expected


def complete_package(data: bytes) -> bool:
    """Every part of the ZIP package unpacks to the size and checksum its directory states.

    The parts are unpacked chunk by chunk and nothing is kept; ``PackageTooLarge`` stops
    the unpacking as soon as a limit is passed, so at most a chunk more is ever unpacked.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if len(parts) > MAX_PACKAGE_PARTS:
                raise PackageTooLarge(PackageLimit.PARTS)
            left = MAX_INFLATED_BYTES
            for part in parts:
                size = _unpacked_size(package, part, left, len(data))
                if size != part.file_size:
                    return False
                left -= size
    except UNREADABLE_ZIP:
        return False
    return True


def _unpacked_size(package: zipfile.ZipFile, part: zipfile.ZipInfo, left: int, total: int) -> int:
    """How many bytes ``part`` truly unpacks to, within ``left``; -1 if it cannot be read.

    A crafted directory may understate a part's size to slip past the limits; the part is
    therefore read through a copy of its entry that states the most it may unpack to, so
    the reading runs to the true end of its data, or stops at the limit.
    """
    encrypted = part.flag_bits & 0x1
    packed_beyond_the_end = part.header_offset + part.compress_size > total
    if encrypted or packed_beyond_the_end or part.compress_type not in PACKED_AS:
        return -1
    unbounded = copy.copy(part)
    unbounded.file_size = left + INFLATE_CHUNK_BYTES + 1
    size = 0
    with package.open(unbounded) as stream:
        while chunk := stream.read(INFLATE_CHUNK_BYTES):
            size += len(chunk)
            _check_inflation(size, part.compress_size, left)
    return size


def _check_inflation(size: int, packed: int, left: int) -> None:
    """``PackageTooLarge`` once a part, ``size`` bytes unpacked so far, passes a limit."""
    if size > left:
        raise PackageTooLarge(PackageLimit.INFLATED)
    if size > RATIO_GRACE_BYTES and size > MAX_INFLATION_RATIO * max(packed, 1):
        raise PackageTooLarge(PackageLimit.RATIO)
