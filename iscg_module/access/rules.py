"""The access rules of the product, named once and used by every view."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from iscg_module.users.roles import Role


@dataclass(frozen=True)
class Rule:
    """Who may reach an endpoint.

    ``needs_sign_in`` sends anonymous visitors to sign in; ``allows`` then decides for the
    signed-in user, who gets 403 when it says no. A rule scoped by the address (the focal
    points of the theme named in it) also has ``allows_here``, which sees the URL's values.
    """

    name: str
    description: str
    needs_sign_in: bool
    allows: Callable[[Any], bool]
    allows_here: Callable[[Any, Mapping[str, Any]], bool] | None = None

    def permits(self, user: Any, arguments: Mapping[str, Any]) -> bool:
        """Whether ``user`` may reach an endpoint of this rule at an address with ``arguments``."""
        if not self.allows(user):
            return False
        return self.allows_here is None or self.allows_here(user, arguments)


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
THEME_WRITER = Rule(
    "theme-writer",
    "admins and the focal points of the theme in the address",
    needs_sign_in=True,
    allows=lambda user: user.has_role(Role.ADMIN) or user.has_role(Role.FOCAL_POINT),
    allows_here=lambda user, arguments: (
        user.has_role(Role.ADMIN) or user.is_focal_point_of(arguments.get("slug", ""))
    ),
)
