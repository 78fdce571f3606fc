"""Permissions that plugins add: access rules held by roles, or by a theme's focal points."""

from __future__ import annotations

from typing import Any

from iscg_module.access.rules import Rule
from iscg_module.users.roles import Role

ROLE_HOLDERS = {Role.ADMIN: "admins", Role.CHAIR: "the chair"}


def permission(
    name: str,
    description: str,
    *,
    roles: tuple[Role, ...] = (Role.ADMIN,),
    focal_points_of: str | None = None,
) -> Rule:
    """A rule held by members with one of ``roles`` or focal points of ``focal_points_of``.

    ``name`` is namespaced by the plugin (``example.write_notes``); the rule is declared on
    views with ``require`` like every core rule, so the route walk checks it too.
    """

    def allows(user: Any) -> bool:
        if any(user.has_role(role) for role in roles):
            return True
        return focal_points_of is not None and user.is_focal_point_of(focal_points_of)

    holders = [ROLE_HOLDERS.get(role, role.value) for role in roles]
    if focal_points_of:
        holders.append(f"focal points of the theme {focal_points_of!r}")
    return Rule(name, f"{description} ({', '.join(holders)})", needs_sign_in=True, allows=allows)
