"""The meeting models: a meeting, its agenda items and its registrations."""

from iscg_module.meetings.models.agenda_item import AgendaItem
from iscg_module.meetings.models.meeting import Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.models.registration import Attendance, Registration

__all__ = [
    "AgendaItem",
    "Attendance",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "Registration",
]
