"""What a writer of a theme update sees, field by field, for edit conflicts.

Keyed by the edit form's field names; ``version`` rises with every save, submission and
return, so that a change made only to the fields a plugin adds is seen too.
"""

from __future__ import annotations

from typing import Any

from iscg_module.theme_updates.content import links_as_text
from iscg_module.theme_updates.models import ThemeUpdate


def update_values(update: ThemeUpdate) -> dict[str, Any]:
    return {
        "title": update.title,
        "period_start": update.period_start,
        "period_end": update.period_end,
        "body": update.body,
        "links": links_as_text(update.links),
        "remove_attachments": [item.id for item in update.attachments],
        "status": update.status.value,
        "version": update.version,
    }
