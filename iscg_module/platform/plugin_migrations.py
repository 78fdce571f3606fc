"""Each installed plugin's revisions join the core's, as a branch of their own."""

from __future__ import annotations

import os
from pathlib import Path

from alembic.config import Config
from flask import current_app

from iscg_module.extensions import migrate


def find_plugin_migrations() -> None:
    """Have Flask-Migrate look in every installed plugin's migration folder too."""
    if _add_plugin_branches not in migrate.configure_callbacks:
        migrate.configure(_add_plugin_branches)


def _add_plugin_branches(config: Config) -> Config:
    folders = [Path(config.get_main_option("script_location") or "") / "versions"]
    registry = current_app.extensions["iscg_plugins"]
    for _plugin, folder in registry.contributions("iscg_migration_directory", every=True):
        folders.append(Path(folder))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", os.pathsep.join(str(path) for path in folders))
    return config
