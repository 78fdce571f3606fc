"""Reading roles from the provider's roles claim, whatever shape real providers give it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iscg_module.users.roles import Role


def groups_in(claim: Any) -> list[str]:
    """The group names in a roles claim: missing, one string, or a list of strings."""
    if claim is None:
        return []
    if isinstance(claim, str):
        return [part for part in claim.replace(",", " ").split() if part]
    if isinstance(claim, list | tuple | set):
        return [str(item) for item in claim if isinstance(item, str | int)]
    return []


def roles_from_claim(claim: Any, role_map: Mapping[str, Role | None]) -> set[Role]:
    """The product roles that the provider's groups map to (plain membership maps to none)."""
    return {role for group in groups_in(claim) if (role := role_map.get(group)) is not None}
