"""Switching plugins on and off, with the audit log and the core events."""

from __future__ import annotations

from iscg_module.audit.audit_log import record
from iscg_module.database.unit_of_work import transactional
from iscg_module.database.utc_datetime import utc_now
from iscg_module.events import CoreEvent, emit
from iscg_module.extensions import db
from iscg_module.operation_refused import OperationRefused
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.models import PlatformVersion, PluginState
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
    version = db.session.get(PlatformVersion, 1) or PlatformVersion(id=1, version=0)
    version.version += 1
    db.session.add(version)
    record(actor, f"plugin.{_word(enabled)}", "plugin", None, plugin=name)
    emit(CoreEvent.PLUGIN_ENABLED if enabled else CoreEvent.PLUGIN_DISABLED, plugin=name)
    db.session.commit()
    registry.forget()
    return state


def _word(enabled: bool) -> str:
    return "enabled" if enabled else "disabled"
