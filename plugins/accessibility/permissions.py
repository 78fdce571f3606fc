"""The permission the accessibility plugin adds: its pages' views and its hooks need it."""

from __future__ import annotations

from iscg_module.platform.api import permission

RECORD = permission(
    "accessibility.record",
    "Record the accessibility theme's items, fund entries and liaison statements",
    focal_points_of="accessibility",
)
