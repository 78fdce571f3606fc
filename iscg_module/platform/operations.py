"""Switching plugins on and off and changing their settings, with the audit log and events.

Each change raises the platform version in the same transaction, which is how every
worker of every server learns of it within a second.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import after_commit, transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.models import PlatformVersion, PluginSetting, PluginState
from iscg_module.platform.settings import typed_values
from iscg_module.revisions.revision import Revision
from iscg_module.revisions.stale_edit import lock_for_change, refuse_stale_edit
from iscg_module.users.models import User


class PluginRuleError(OperationRefused):
    """A plugin change the platform does not allow."""


@transactional
def set_plugin_enabled(actor: User | None, name: str, enabled: bool) -> PluginState:
    """Enable or disable ``name``; every worker follows within a second; data is kept."""
    registry = plugin_registry()
    if name not in registry.plugins:
        raise PluginRuleError(f"No plugin called {name!r} is installed.")
    state = db.session.get(PluginState, name) or PluginState(name=name, enabled=False)
    if state.enabled == enabled:
        raise PluginRuleError(f"The plugin {name!r} is already {_word(enabled)}.")
    state.enabled, state.updated_at = enabled, utc_now()
    db.session.add(state)
    _raise_platform_version()
    record(actor, f"plugin.{_word(enabled)}", "plugin", None, plugin=name)
    emit(CoreEvent.PLUGIN_ENABLED if enabled else CoreEvent.PLUGIN_DISABLED, plugin=name)
    after_commit(registry.forget)
    return state


def stored_settings(name: str) -> dict[str, Any]:
    """The typed values of installed plugin ``name``'s settings as the database holds them now
    (the registry's copy may be a second old)."""
    declared = plugin_registry().declared("iscg_settings", name)
    rows = db.session.scalars(select(PluginSetting).where(PluginSetting.plugin == name))
    return typed_values(declared, {row.name: row.value for row in rows})


@transactional
def change_plugin_settings(
    actor: User | None, name: str, values: dict[str, Any], opened: Revision | None = None
) -> list[str]:
    """Save ``values`` of ``name``'s declared settings; return the names that changed.

    Every value is checked against its setting before anything is written, so a bad one
    leaves all settings as they were. ``opened`` is the revision the admin saw: if a setting
    changed since, nothing is saved.
    """
    registry = plugin_registry()
    if name not in registry.plugins:
        raise PluginRuleError(f"No plugin called {name!r} is installed.")
    lock_for_change(_platform_version())
    refuse_stale_edit(opened, stored_settings(name), "plugin", None)
    declared = {setting.name: setting for setting in registry.declared("iscg_settings", name)}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise PluginRuleError(f"The plugin {name!r} has no setting {', '.join(unknown)}.")
    cleaned = {key: declared[key].clean(value) for key, value in values.items()}
    current = stored_settings(name)
    changes = {key: value for key, value in cleaned.items() if value != current[key]}
    for key, value in changes.items():
        row = db.session.get(PluginSetting, (name, key)) or PluginSetting(plugin=name, name=key)
        row.value, row.updated_at = value, utc_now()
        db.session.add(row)
    if changes:
        _raise_platform_version()
        audit_changes = {key: {"from": current[key], "to": value} for key, value in changes.items()}
        record(actor, "plugin.settings_changed", "plugin", None, plugin=name, changes=audit_changes)
        after_commit(registry.forget)
    return sorted(changes)


def _platform_version() -> PlatformVersion:
    version = db.session.get(PlatformVersion, 1)
    if version is None:
        version = PlatformVersion(id=1, version=0)
        db.session.add(version)
        db.session.flush()
    return version


def _raise_platform_version() -> None:
    _platform_version().version = PlatformVersion.version + 1  # type: ignore[assignment]


def _word(enabled: bool) -> str:
    return "enabled" if enabled else "disabled"
