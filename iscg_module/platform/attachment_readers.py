"""Plugins' records that hold files answer for their downloads, while the plugin is enabled."""

from __future__ import annotations

from typing import Any

from iscg_module.platform.gate import plugin_registry


def plugin_attachment_reader(user: Any, attachment_id: int) -> bool | None:
    """True if an enabled plugin lets ``user`` read a record of its own that holds the file."""
    answers = [
        answer
        for _plugin, answer in plugin_registry().contributions(
            "iscg_attachment_readable", user=user, attachment_id=attachment_id
        )
    ]
    if not answers:
        return None
    return any(answers)
