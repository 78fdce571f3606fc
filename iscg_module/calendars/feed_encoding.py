"""A feed's two representations, plain and gzip, and which one a client gets.

Feeds are large and compress about tenfold, and the calendar services that poll them most
(Google's, Microsoft's) accept gzip. Each version is compressed once, when it is built, and
the same bytes are served to every client that accepts them: compressing per request would
cost more than sending the plain text.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache

from werkzeug.datastructures import Accept
from werkzeug.http import parse_accept_header

GZIP = "gzip"
IDENTITY = "identity"
# RFC 9110, 8.4.1.3: "x-gzip" is to be taken as "gzip".
_GZIP_NAMES = (GZIP, "x-gzip")


@dataclass(frozen=True)
class EncodedFeed:
    """One version of a feed, as plain bytes and as gzip bytes."""

    identity: bytes
    gzip: bytes

    def body(self, encoding: str) -> bytes:
        return self.gzip if encoding == GZIP else self.identity


def compress(body: bytes) -> bytes:
    """gzip with no time stamp, so the same feed always compresses to the same bytes."""
    return gzip.compress(body, mtime=0)


def encode_feed(body: bytes) -> EncodedFeed:
    return EncodedFeed(identity=body, gzip=compress(body))


def acceptable_encodings(accept: Accept) -> tuple[str, ...]:
    """The encodings ``accept`` (a parsed Accept-Encoding) allows, the one to send first.

    gzip is sent when its quality is above zero and not below that of identity; identity,
    acceptable unless refused (``identity;q=0``, or ``*;q=0`` without ``identity``), comes
    after it. A client that refuses both still gets identity, as RFC 9110 (12.5.3) prefers
    to an error.
    """
    gzip_quality = _gzip_quality(accept)
    # An identity not listed (by name or by "*") is acceptable without a rank of its own.
    identity_quality = accept.quality(IDENTITY) if IDENTITY in accept else None
    if gzip_quality <= 0:
        return (IDENTITY,)
    if identity_quality is None:
        return (GZIP, IDENTITY)
    if identity_quality <= 0:
        return (GZIP,)
    if gzip_quality >= identity_quality:
        return (GZIP, IDENTITY)
    return (IDENTITY, GZIP)


@lru_cache(maxsize=128)
def encodings_for_header(header: str | None) -> tuple[str, ...]:
    """``acceptable_encodings`` of a raw Accept-Encoding, parsed as werkzeug's request does.

    For the poll shortcut, which has no request object; clients send few distinct values.
    """
    return acceptable_encodings(parse_accept_header(header))


def _gzip_quality(accept: Accept) -> float:
    """gzip's quality under either name; "*" counts only when neither name is listed."""
    named = [quality for value, quality in accept if value.lower() in _GZIP_NAMES]
    return max(named) if named else accept.quality(GZIP)
