"""The permission the example plugin adds: its views and its hooks both need it."""

from __future__ import annotations

from iscg_module.platform.api import permission

WRITE_NOTES = permission(
    "example.write_notes", "Write notes on the example theme", focal_points_of="example"
)
