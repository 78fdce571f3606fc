"""The plugin API: the only module of the core a plugin imports.

A plugin is a package with an entry point in the group ``iscg_module.plugins`` that names
a ``ThemePlugin`` instance. The instance describes the plugin and carries its hook
implementations, each marked with ``@hookimpl``; the hooks are declared in
``iscg_module.platform.hookspecs``. ``docs/plugins.md`` walks through writing one.
"""

from __future__ import annotations

from typing import Any

import pluggy

from iscg_module.access import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, Rule, require
from iscg_module.access.permissions import permission
from iscg_module.attachments.file_rules import AttachmentRefused
from iscg_module.attachments.forms import AttachmentsField, RemovedAttachmentsField
from iscg_module.attachments.models import Attachment
from iscg_module.attachments.operations import store_attachments
from iscg_module.attachments.queries import attachment_url
from iscg_module.audit.audit_log import record as record_audit
from iscg_module.charts.chart import Chart, ChartKind, Series, make_chart
from iscg_module.database.enum_column import enum_column
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.events import CoreEvent
from iscg_module.extensions import db
from iscg_module.meetings.format_statistics import MeetingFormatsOfYear, meeting_formats_by_year
from iscg_module.meetings.registration_rows import active_registrations
from iscg_module.operation_refused import OperationRefused
from iscg_module.platform.form_extensions import CoreForm, FormExtension
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.hookspecs import PROJECT
from iscg_module.platform.panels import Panel
from iscg_module.platform.report_sections import ReportPeriod, ReportSection
from iscg_module.platform.settings import (
    ChoiceSetting,
    FlagSetting,
    NumberSetting,
    Setting,
    TextSetting,
)
from iscg_module.platform.theme_plugin import ENTRY_POINT_GROUP, NavigationEntry, ThemePlugin
from iscg_module.revisions.revision import Revision
from iscg_module.revisions.stale_edit import StaleEdit, lock_for_change, refuse_stale_edit
from iscg_module.text.plain_text import one_line, printable
from iscg_module.theme_updates.reading import published_theme_updates
from iscg_module.users.models import User
from iscg_module.users.roles import Role, Sector
from iscg_module.web.action_form import ActionForm
from iscg_module.web.form_flow import act, submit
from iscg_module.web.plausible_date import plausible_date
from iscg_module.web.revision_field import RevisionField
from iscg_module.web.row_list import RowList
from iscg_module.web.trimmed_form import TrimmedForm, TrimmedMeta

hookimpl = pluggy.HookimplMarker(PROJECT)


def plugin_settings(name: str) -> dict[str, Any]:
    """The typed values of plugin ``name``'s settings (defaults where none was saved)."""
    return plugin_registry().settings(name)


__all__ = [
    "ADMIN",
    "ENTRY_POINT_GROUP",
    "MEMBER",
    "PUBLIC",
    "SECRETARIAT_READ",
    "ActionForm",
    "Attachment",
    "AttachmentRefused",
    "AttachmentsField",
    "Chart",
    "ChartKind",
    "ChoiceSetting",
    "CoreEvent",
    "CoreForm",
    "FlagSetting",
    "FormExtension",
    "MeetingFormatsOfYear",
    "NavigationEntry",
    "NumberSetting",
    "OperationRefused",
    "Panel",
    "RemovedAttachmentsField",
    "ReportPeriod",
    "ReportSection",
    "Revision",
    "RevisionField",
    "Role",
    "RowList",
    "Rule",
    "Sector",
    "Series",
    "Setting",
    "StaleEdit",
    "TextSetting",
    "ThemePlugin",
    "TrimmedForm",
    "TrimmedMeta",
    "UTCDateTime",
    "User",
    "act",
    "active_registrations",
    "attachment_url",
    "db",
    "enum_column",
    "hookimpl",
    "lock_for_change",
    "make_chart",
    "meeting_formats_by_year",
    "one_line",
    "permission",
    "plausible_date",
    "plugin_settings",
    "printable",
    "published_theme_updates",
    "record_audit",
    "refuse_stale_edit",
    "require",
    "store_attachments",
    "submit",
    "transactional",
    "utc_now",
]
