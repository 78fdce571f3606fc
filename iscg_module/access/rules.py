"""The access rules of the product, named once and used by every view."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from iscg_module.users.roles import Role


@dataclass(frozen=True)
class Rule:
    """Who may reach an endpoint.

    ``needs_sign_in`` sends anonymous visitors to sign in; ``allows`` then decides for the
    signed-in user, who gets 403 when it says no.
    """

    name: str
    description: str
    needs_sign_in: bool
    allows: Callable[[Any], bool]


PUBLIC = Rule("public", "anyone, signed in or not", needs_sign_in=False, allows=lambda _: True)
MEMBER = Rule("member", "any signed-in member", needs_sign_in=True, allows=lambda _: True)
ADMIN = Rule(
    "admin",
    "the secretariat (admins)",
    needs_sign_in=True,
    allows=lambda user: user.has_role(Role.ADMIN),
)
SECRETARIAT_READ = Rule(
    "secretariat-read",
    "admins and the chair (read only)",
    needs_sign_in=True,
    allows=lambda user: user.has_role(Role.ADMIN) or user.has_role(Role.CHAIR),
)
