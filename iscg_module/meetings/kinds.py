"""The kinds a meeting can be of: its status and its format."""

from enum import StrEnum


class MeetingStatus(StrEnum):
    TENTATIVE = "tentative"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class MeetingFormat(StrEnum):
    VIRTUAL = "virtual"
    PHYSICAL = "physical"
    HYBRID = "hybrid"
