"""The roles a member can hold, and the sectors of the organisation."""

from enum import StrEnum


class Role(StrEnum):
    """Roles beyond plain membership (every signed-in account is a member)."""

    ADMIN = "admin"
    CHAIR = "chair"
    FOCAL_POINT = "focal_point"
    COUNSELLOR = "counsellor"


class RoleSource(StrEnum):
    """Where a role comes from: the provider (re-read at each sign-in) or the product itself."""

    PROVIDER = "provider"
    PRODUCT = "product"


class Sector(StrEnum):
    """The three Sectors and the General Secretariat."""

    ITU_R = "ITU-R"
    ITU_T = "ITU-T"
    ITU_D = "ITU-D"
    GENERAL_SECRETARIAT = "GS"
