"""Members' active registrations as rows a plugin may join its own tables to.

Plugins keep answers keyed by registration (fields they add to the registration form) and
count them per meeting; this subquery is the one stable shape of registrations they see, so
the core's table may change without them. Withdrawn registrations are left out.
"""

from __future__ import annotations

from sqlalchemy import Subquery, select

from iscg_module.meetings.models import Registration


def active_registrations() -> Subquery:
    """Columns ``registration_id``, ``meeting_id`` and ``user_id`` of active registrations."""
    return (
        select(
            Registration.id.label("registration_id"),
            Registration.meeting_id.label("meeting_id"),
            Registration.user_id.label("user_id"),
        )
        .where(Registration.withdrawn_at.is_(None))
        .subquery("active_registrations")
    )
