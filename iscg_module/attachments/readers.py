"""Who may download a file: the policy of each kind of record that holds it.

An attachment has no policy of its own. Each domain whose records hold files adds a reader
(``add_reader``) that answers for its own records: True when the user may read one that
holds the file, False when such records exist but the user may read none, and None when
none of its records hold it. A download is allowed when some reader says True; a file no
record holds any more (removed from a draft and from every version) is for no one.
Plugins answer through their hook, which a disabled plugin is not asked: its files vanish
with its pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app

from iscg_module.attachments.models import Attachment

Reader = Callable[[Any, int], bool | None]
_EXTENSION_KEY = "iscg_attachment_readers"


def add_reader(app: Flask, reader: Reader) -> None:
    """Let ``reader`` answer for the records of one kind that hold files."""
    app.extensions.setdefault(_EXTENSION_KEY, []).append(reader)


def may_download(user: Any, attachment: Attachment) -> bool:
    readers: list[Reader] = current_app.extensions.get(_EXTENSION_KEY, [])
    return any(reader(user, attachment.id) for reader in readers)
