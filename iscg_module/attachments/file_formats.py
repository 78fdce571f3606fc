"""Single-file formats recognised by their bytes: PDF, PNG, JPEG, text, and programs.

A file's name only says what it claims to be; the content must agree, as a whole and not
only in its first bytes. How the content begins says which format it claims to be
(``starts_as_*``, ``is_text``); all of it must then be there, up to the format's own end
and nothing after (``complete_*``). A format that cannot be cut short, such as text, is
whole however it ends (``any_content``).

PDF and images are displayed by browsers themselves, so a web page's code hidden anywhere
in them could run: ``web_page_code`` finds it. Programs are recognised too, so that one
renamed to look like a document can be refused as what it is.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator

# A PDF opens with its "%PDF-" header: a byte order mark and blank space may come before it,
# markup may not. Readers look for the "%%EOF" that ends it in its last kilobyte (blank space
# after it aside).
PDF_START = re.compile(rb"(?:\xef\xbb\xbf)?[\t\n\f\r ]*%PDF-\d\.\d")
PDF_TRAILER_WINDOW = 1024
PDF_BLANKS = b"\x00\t\n\f\r "
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_CHUNK_HEAD = struct.Struct(">I4s")
JPEG_SIGNATURE = b"\xff\xd8\xff"
JPEG_START, JPEG_END, JPEG_SCAN = 0xD8, 0xD9, 0xDA
JPEG_BOUNDS = (JPEG_START, JPEG_END)
# In a scan's compressed data, 0xFF is followed by 0 or by a restart marker (0xD0 to 0xD7);
# followed by any other byte, it starts the marker after the scan.
JPEG_MARKER_AFTER_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7]")
# No program stores an image in as many chunks or segments; walking more would only cost time.
MAX_IMAGE_PIECES = 100_000
# The start of a web page's code, wherever it is; the bytes are searched in lower case.
WEB_PAGE_CODE = re.compile(
    rb"<(!doctype\s+html|html|head|body|script|iframe|object|embed|svg)[\s/>]"
)
# Text is read as UTF-8, or as the Windows encoding Excel saves CSV in.
TEXT_ENCODINGS = ("utf-8", "cp1252")

PROGRAM_SIGNATURES = (
    b"MZ",  # Windows and DOS programs and libraries
    b"\x7fELF",  # Linux and other Unix programs
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",  # macOS programs, both byte orders
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal programs (and Java classes)
)  # fmt: skip


def is_program(data: bytes) -> bool:
    """Whether ``data`` begins as a program does, whatever the file is called."""
    return data.startswith(PROGRAM_SIGNATURES)


def any_content(data: bytes) -> bool:
    """Text has no end of its own that could be missing: any of it is whole."""
    return True


def is_text(data: bytes) -> bool:
    """No NUL byte, and readable as UTF-8 or as the Windows encoding Excel saves CSV in."""
    if b"\x00" in data:
        return False
    for encoding in TEXT_ENCODINGS:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def web_page_code(data: bytes) -> str | None:
    """The first tag of a web page found anywhere in ``data``, such as "<script>"."""
    found = WEB_PAGE_CODE.search(data.lower())
    return f"<{' '.join(found.group(1).decode('ascii').split())}>" if found else None


def starts_as_pdf(data: bytes) -> bool:
    return PDF_START.match(data) is not None


def complete_pdf(data: bytes) -> bool:
    """A "%%EOF" near the end; blank space and NUL bytes after it, however many, are no content."""
    end = len(data.rstrip(PDF_BLANKS))
    return data.find(b"%%EOF", max(end - PDF_TRAILER_WINDOW, 0), end) != -1


def starts_as_png(data: bytes) -> bool:
    return data.startswith(PNG_SIGNATURE)


def complete_png(data: bytes) -> bool:
    """The header chunk first, then intact chunks up to the IEND chunk, and nothing after it."""
    if data[12:16] != b"IHDR":
        return False
    for chunk_type, end in _png_chunks(data):
        if chunk_type == b"IEND":
            return end == len(data)
    return False


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, int]]:
    """Each chunk's type and where it ends, until one is cut short or fails its checksum."""
    view = memoryview(data)
    position = len(PNG_SIGNATURE)
    for _ in range(MAX_IMAGE_PIECES):
        if position + 12 > len(data):
            return
        length, chunk_type = PNG_CHUNK_HEAD.unpack_from(data, position)
        end = position + 12 + length
        if end > len(data):
            return
        if zlib.crc32(view[position + 4 : end - 4]) != int.from_bytes(view[end - 4 : end]):
            return
        yield chunk_type, end
        position = end


def starts_as_jpeg(data: bytes) -> bool:
    return data.startswith(JPEG_SIGNATURE)


def complete_jpeg(data: bytes) -> bool:
    """Whole JPEG images, each from its start marker to its end marker, and nothing after.

    Cameras and phones often store more pictures after the photo's end (a preview, the
    gain map of an HDR photo); each is a JPEG image itself, and is walked as one.
    """
    position, inside = 0, False
    for _ in range(MAX_IMAGE_PIECES):
        if position == len(data):
            return not inside
        if position < 0 or position + 1 >= len(data) or data[position] != 0xFF:
            return False
        marker = data[position + 1]
        if marker in JPEG_BOUNDS:
            if inside == (marker == JPEG_START):
                return False
            inside, position = not inside, position + 2
        elif inside:
            position = _after_marker(data, position, marker)
        else:
            return False
    return False


def _after_marker(data: bytes, position: int, marker: int) -> int:
    """Where the next marker may start after the one at ``position``; -1 if it is broken.

    Segments are passed over by their stated length, so the thumbnail that a photo's Exif
    segment holds, a JPEG with its own end, is not taken for the photo's end.
    """
    if marker == 0xFF:  # a fill byte before a marker
        return position + 1
    if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a segment
        return position + 2
    if marker == 0x00 or position + 4 > len(data):
        return -1
    length = int.from_bytes(data[position + 2 : position + 4])
    if length < 2:
        return -1
    end = position + 2 + length
    if marker != JPEG_SCAN:
        return end
    # A scan's compressed data follows its segment, up to the next marker.
    after_scan = JPEG_MARKER_AFTER_SCAN.search(data, end)
    return after_scan.start() if after_scan else -1
