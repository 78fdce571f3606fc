"""The store keeps each distinct file once, under its digest, written whole or not at all."""

from __future__ import annotations

import hashlib
import os

import pytest

from iscg_module.attachments.file_store import FileStore
from iscg_module.testing.attachments import PDF, PNG


def test_the_same_bytes_are_kept_once_under_their_digest(tmp_path):
    store = FileStore(tmp_path / "files")
    first, second, other = store.put(PDF), store.put(PDF), store.put(PNG)
    assert first == second == hashlib.sha256(PDF).hexdigest() and other != first
    assert sorted(path.name for path in (tmp_path / "files").iterdir()) == sorted([first, other])
    assert store.read(first) == PDF


def test_a_failed_write_leaves_neither_the_file_nor_its_temporary(tmp_path, monkeypatch):
    store = FileStore(tmp_path / "files")

    def full_disk(_descriptor: int) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        store.put(PDF)
    assert list((tmp_path / "files").iterdir()) == []


def test_only_a_digest_names_a_file(tmp_path):
    with pytest.raises(ValueError, match="not a SHA-256"):
        FileStore(tmp_path).path_of("../../secret_key")
