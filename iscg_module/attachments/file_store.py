"""Attached files on disk, each named by the SHA-256 of its bytes.

Naming a file by its digest keeps the same bytes once however often they are attached,
and makes a stored file immutable. A file is written to a temporary name in the same
folder and then renamed into place, so a reader never sees half of one: a name in the
store always holds its complete bytes.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from flask import current_app

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
TEMPORARY_PREFIX = ".incoming-"


class FileStore:
    """A folder of files named by their SHA-256, written atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, sha256: str) -> Path:
        """Where the file with this digest is kept (a digest is the only name accepted)."""
        if not SHA256_HEX.fullmatch(sha256):
            raise ValueError(f"{sha256!r} is not a SHA-256 digest in hexadecimal")
        return self.folder / sha256

    def put(self, data: bytes) -> str:
        """Keep ``data`` unless the same bytes are kept already; return their digest."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if target.exists():
            return digest
        self.folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=TEMPORARY_PREFIX)
        try:
            with os.fdopen(descriptor, "wb") as written:
                written.write(data)
                written.flush()
                os.fsync(written.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        return self.path_of(sha256).read_bytes()


def attachment_store() -> FileStore:
    """The store of the current application, in the folder ``ISCG_ATTACHMENTS_DIR`` names."""
    return FileStore(Path(current_app.config["ISCG_ATTACHMENTS_DIR"]))
