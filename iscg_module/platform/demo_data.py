"""The plugins' part of the demo: their data, and their switch on the first load."""

from __future__ import annotations

from iscg_module.database.unit_of_work import transactional
from iscg_module.extensions import db
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.models import PluginState
from iscg_module.platform.operations import set_plugin_enabled


@transactional
def load_plugin_demo_data() -> list[str]:
    """Load each installed plugin's demo data and enable those never switched; their names."""
    registry = plugin_registry()
    names = registry.implementers("iscg_demo_data")
    registry.contributions("iscg_demo_data", every=True)
    for name in names:
        if db.session.get(PluginState, name) is None:
            set_plugin_enabled(None, name, True)
    return names
