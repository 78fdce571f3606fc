"""The permission the AI plugin adds: its pages' views and its hooks need it."""

from __future__ import annotations

from iscg_module.platform.api import permission

WRITE = permission(
    "ai.write_reports",
    "Write the AI focal point's reports, on the theme's update form",
    focal_points_of="ai",
)
