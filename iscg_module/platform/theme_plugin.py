"""What every plugin is: a described object carrying hook implementations.

``ThemePlugin`` answers three hooks from what the plugin's package already holds, so that
a plugin states each of these things once: its pages (the ``blueprint`` attribute), its
tables (the ``migrations`` folder beside its module) and its navigation entry (the
blueprint's ``index`` page). Its ``version`` is its distribution's. A plugin that needs
another answer overrides the method, marked ``@hookimpl`` like any hook.
"""

from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, packages_distributions
from importlib.metadata import version as distribution_version
from pathlib import Path

import pluggy
from flask import Blueprint, current_app

from iscg_module.platform.hookspecs import PROJECT

ENTRY_POINT_GROUP = "iscg_module.plugins"
MIGRATIONS_FOLDER = "migrations"
INDEX_ENDPOINT = "index"
UNKNOWN_VERSION = "unknown"

# The same marker as the plugin API's ``hookimpl``; this module cannot import the API.
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(frozen=True)
class NavigationEntry:
    """A link in the main navigation: an endpoint of the plugin and its label."""

    endpoint: str
    label: str


class ThemePlugin:
    """Subclass this, describe the plugin below, set ``blueprint``, add ``@hookimpl`` methods.

    ``navigation_label`` names the navigation entry when the title is too long for it.
    """

    name: str = ""
    title: str = ""
    description: str = ""
    theme: str = ""
    navigation_label: str = ""
    blueprint: Blueprint | None = None

    @property
    def version(self) -> str:
        """The version of the installed distribution that holds the plugin's package."""
        return installed_version(type(self).__module__.partition(".")[0])

    @hookimpl
    def iscg_blueprint(self) -> Blueprint | None:
        return self.blueprint

    @hookimpl
    def iscg_migration_directory(self) -> Path | None:
        folder = Path(inspect.getfile(type(self))).parent / MIGRATIONS_FOLDER
        return folder if folder.is_dir() else None

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        """A link to the blueprint's ``index`` page, when the application serves one.

        Checked in the application rather than assumed: a link to a missing endpoint
        would break the pages that draw it.
        """
        if self.blueprint is None:
            return []
        endpoint = f"{self.blueprint.name}.{INDEX_ENDPOINT}"
        if endpoint not in current_app.view_functions:
            return []
        return [NavigationEntry(endpoint, self.navigation_label or self.title)]


@functools.cache
def installed_version(package: str) -> str:
    """The version of the distribution that installed top-level ``package``, or "unknown".

    A package no distribution installed (a plugin defined in a test) has no version.
    """
    for distribution in packages_distributions().get(package, []):
        try:
            return distribution_version(distribution)
        except PackageNotFoundError:
            continue
    return UNKNOWN_VERSION
