"""Imports every model of the core so that the metadata knows all tables (migrations use it)."""

from iscg_module.attachments.models import Attachment
from iscg_module.audit.models import AuditEntry
from iscg_module.calendars.subscription import CalendarSubscription
from iscg_module.meetings.models import AgendaItem, Meeting, Registration
from iscg_module.platform.models import PlatformVersion, PluginSetting, PluginState
from iscg_module.theme_updates.models import ThemeUpdate, ThemeUpdateVersion
from iscg_module.themes.models import Theme
from iscg_module.users.models import RoleGrant, User

__all__ = [
    "AgendaItem",
    "Attachment",
    "AuditEntry",
    "CalendarSubscription",
    "Meeting",
    "PlatformVersion",
    "PluginSetting",
    "PluginState",
    "Registration",
    "RoleGrant",
    "Theme",
    "ThemeUpdate",
    "ThemeUpdateVersion",
    "User",
]
