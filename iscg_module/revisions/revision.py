"""The revision an editor opened: the audit log's last entry then, and a digest of each
editable value they saw.

A revision is computed from the record's values themselves, so it needs no counter in any
table and serves every kind of record alike, a plugin's too. Kept per field, it names the
fields that changed since; as a whole, it is the record's strong ETag for the API.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DIGEST_LENGTH = 16
ENCODED_MAX = 4000


def _digest(value: Any) -> str:
    """A short digest of a value of any plain kind (text, numbers, dates, lists of them).

    None and the empty text are one value: an editor sees an empty field either way.
    """
    text = json.dumps("" if value is None else value, default=str, sort_keys=True,
                      ensure_ascii=False)  # fmt: skip
    return hashlib.sha256(text.encode()).hexdigest()[:DIGEST_LENGTH]


@dataclass(frozen=True)
class Revision:
    """What an editor saw: each field's digest, and the id of the audit log's last entry
    when they opened the record (later entries about it tell who changed it since)."""

    seen_entry: int
    digests: Mapping[str, str]

    @classmethod
    def of(cls, values: Mapping[str, Any], seen_entry: int) -> Revision:
        return cls(seen_entry, {name: _digest(value) for name, value in values.items()})

    def changed_in(self, values: Mapping[str, Any]) -> list[str]:
        """The fields whose value in ``values`` differs from what this revision saw."""
        return [name for name, value in values.items() if self.digests.get(name) != _digest(value)]

    def encode(self) -> str:
        """The revision as one line of URL-safe text, for a hidden form field."""
        payload = {"seen": self.seen_entry, "fields": dict(self.digests)}
        raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Revision | None:
        """The revision ``encode`` wrote, or None for anything else."""
        if not text or len(text) > ENCODED_MAX:
            return None
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            payload = json.loads(raw)
            seen, digests = payload["seen"], payload["fields"]
        except (binascii.Error, ValueError, KeyError, TypeError):
            return None
        if not isinstance(seen, int) or isinstance(seen, bool) or not isinstance(digests, dict):
            return None
        if not all(isinstance(item, str) for pair in digests.items() for item in pair):
            return None
        return cls(seen, digests)


def entity_tag(values: Mapping[str, Any]) -> str:
    """The strong ETag of a record with these editable values (quoted, as HTTP writes it)."""
    return f'"{_digest(dict(values))}"'


def matches_if_match(header: str | None, values: Mapping[str, Any]) -> bool:
    """Whether an ``If-Match`` header allows a change to a record with these values.

    No header allows it (the client did not ask); ``*`` allows it; otherwise one of the
    listed tags must be the record's current strong ETag (weak tags never match).
    """
    if header is None:
        return True
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or entity_tag(values) in tags
