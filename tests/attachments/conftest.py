"""Helpers shared by the attachment tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from iscg_module.attachments.models import Attachment
from iscg_module.extensions import db


@pytest.fixture
def stored_files(app):
    """The names of the files in the test's attachment folder, temporaries included."""

    def names() -> list[str]:
        folder = Path(app.config["ISCG_ATTACHMENTS_DIR"])
        return sorted(path.name for path in folder.iterdir()) if folder.exists() else []

    return names


def attachment_rows() -> int:
    return db.session.scalar(select(func.count()).select_from(Attachment))
