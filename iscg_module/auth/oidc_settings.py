"""How the organisation's OpenID Connect provider is configured, read from ISCG_OIDC_*."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from iscg_module.users.roles import Role

MEMBER = "member"
ROLES_BY_NAME = {MEMBER: None, Role.ADMIN.value: Role.ADMIN, Role.CHAIR.value: Role.CHAIR}
DEFAULT_SCOPES = "openid email profile"


class OidcSettingError(ValueError):
    """An ISCG_OIDC_* or ISCG_ROLE_MAP value is wrong; the message names it."""


@dataclass(frozen=True)
class OidcSettings:
    """The provider's issuer, this product's client credentials, and how roles are read."""

    issuer: str
    client_id: str
    client_secret: str | None = None
    scopes: str = DEFAULT_SCOPES
    roles_claim: str = "groups"
    role_map: Mapping[str, Role | None] = field(default_factory=dict)

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"

    @classmethod
    def read(cls, source: Mapping[str, str]) -> OidcSettings | None:
        """The settings, or None when no provider is configured (no ISCG_OIDC_ISSUER)."""
        issuer = source.get("ISCG_OIDC_ISSUER", "").strip()
        if not issuer:
            return None
        client_id = source.get("ISCG_OIDC_CLIENT_ID", "").strip()
        if not client_id:
            raise OidcSettingError("ISCG_OIDC_CLIENT_ID must be set with ISCG_OIDC_ISSUER")
        scopes = source.get("ISCG_OIDC_SCOPES", "").strip() or DEFAULT_SCOPES
        if "openid" not in scopes.split():
            raise OidcSettingError("ISCG_OIDC_SCOPES must include 'openid'")
        return cls(
            issuer=issuer,
            client_id=client_id,
            client_secret=source.get("ISCG_OIDC_CLIENT_SECRET") or None,
            scopes=scopes,
            roles_claim=source.get("ISCG_OIDC_ROLES_CLAIM", "").strip() or "groups",
            role_map=parse_role_map(source.get("ISCG_ROLE_MAP", "")),
        )


def parse_role_map(text: str) -> dict[str, Role | None]:
    """Parse ``group=role,group=role``; ``member`` maps a group to plain membership."""
    mapping: dict[str, Role | None] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        group, separator, role_name = (piece.strip() for piece in pair.partition("="))
        if not separator or not group or role_name not in ROLES_BY_NAME:
            raise OidcSettingError(
                f"ISCG_ROLE_MAP entry {pair!r} must read group=role, with role one of "
                f"{', '.join(ROLES_BY_NAME)}"
            )
        mapping[group] = ROLES_BY_NAME[role_name]
    return mapping
