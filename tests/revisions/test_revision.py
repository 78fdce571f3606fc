"""Revisions: what an editor saw, written into a form and read back, and the record's ETag."""

from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal

import pytest

from iscg_module.revisions.revision import Revision, entity_tag, matches_if_match

VALUES = {
    "title": "ISCG meeting",
    "starts_at": datetime(2021, 9, 1, 12, 0),
    "day": date(2021, 9, 1),
    "amount": Decimal("100000.00"),
    "files": [3, 4],
    "venue": None,
}


def test_a_revision_reads_back_as_written_and_names_nothing_changed():
    written = Revision.of(VALUES, seen_entry=41).encode()
    read = Revision.decode(written)
    assert read == Revision.of(VALUES, 41)
    assert read.changed_in(VALUES) == []
    assert "=" not in written and "\n" not in written


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "ISCG meeting "), ("starts_at", datetime(2021, 9, 1, 12, 1)),
     ("day", date(2021, 9, 2)), ("amount", Decimal("100000.01")), ("files", [4, 3]),
     ("venue", "Room A")],
)  # fmt: skip
def test_each_changed_field_is_named_alone(field, value):
    opened = Revision.of(VALUES, 0)
    assert opened.changed_in({**VALUES, field: value}) == [field]


def test_empty_and_missing_text_are_one_value():
    assert Revision.of({"venue": None}, 0).changed_in({"venue": ""}) == []


def test_a_field_the_revision_never_saw_counts_as_changed():
    assert Revision.of({"title": "A"}, 0).changed_in({"title": "A", "note": ""}) == ["note"]


@pytest.mark.parametrize(
    "garbled",
    ["", "not base64 at all!", base64.urlsafe_b64encode(b"[1, 2]").decode(),
     base64.urlsafe_b64encode(b'{"seen": "1", "fields": {}}').decode(),
     base64.urlsafe_b64encode(b'{"seen": true, "fields": {}}').decode(),
     base64.urlsafe_b64encode(b'{"seen": 1, "fields": {"a": 1}}').decode(),
     base64.urlsafe_b64encode(b'{"seen": 1}').decode(), "A" * 5000],
)  # fmt: skip
def test_anything_else_reads_as_no_revision(garbled):
    assert Revision.decode(garbled) is None


def test_the_entity_tag_follows_every_value_and_if_match_compares_it():
    tag = entity_tag(VALUES)
    assert tag.startswith('"') and tag.endswith('"')
    assert entity_tag({**VALUES, "title": "Renamed"}) != tag
    assert matches_if_match(None, VALUES)
    assert matches_if_match("*", VALUES)
    assert matches_if_match(f'"other", {tag}', VALUES)
    assert not matches_if_match('"other"', VALUES)
    assert not matches_if_match(f"W/{tag}", VALUES)
