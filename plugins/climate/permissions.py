"""The permission the climate plugin adds: its pages' views and its hooks need it."""

from __future__ import annotations

from iscg_climate.documents import THEME

from iscg_module.platform.api import permission

RECORD = permission(
    "climate.record",
    "Define the climate theme's indicators and record their values",
    focal_points_of=THEME,
)
