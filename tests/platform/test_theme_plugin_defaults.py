"""What ``ThemePlugin`` answers for a plugin: pages, tables, navigation and version.

pluggy registers the ``@hookimpl`` methods a plugin inherits, so a plugin that only sets
``blueprint`` still answers the three hooks; one that overrides a method answers once.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import iscg_accessibility
import iscg_ai
import iscg_climate
import pytest
from flask import Blueprint, Flask

import iscg_example_plugin
from iscg_module.platform.api import MEMBER, NavigationEntry, ThemePlugin, hookimpl, require
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.registry import PluginRegistry
from iscg_module.platform.theme_plugin import UNKNOWN_VERSION
from iscg_module.testing.fixtures import running_app

DEFAULTED = ("iscg_blueprint", "iscg_migration_directory", "iscg_navigation")
SHIPPED = (iscg_accessibility.plugin, iscg_ai.plugin, iscg_climate.plugin)


@require(MEMBER)
def index() -> str:
    return "pages of the paged theme"


@require(MEMBER)
def other() -> str:
    return "a page, but no index"


paged_blueprint = Blueprint("paged", __name__)
paged_blueprint.add_url_rule("/", view_func=index, methods=["GET"])
no_index_blueprint = Blueprint("no_index", __name__)
no_index_blueprint.add_url_rule("/other", view_func=other, methods=["GET"])


class PagedPlugin(ThemePlugin):
    name = "paged"
    title = "Paged theme"
    blueprint = paged_blueprint


class ShortLabelPlugin(ThemePlugin):
    name = "short_label"
    title = "A title too long for the navigation"
    navigation_label = "Short"
    blueprint = Blueprint("short_label", __name__)
    blueprint.add_url_rule("/", view_func=index, methods=["GET"])


class NoIndexPlugin(ThemePlugin):
    name = "no_index"
    title = "Theme without an index page"
    blueprint = no_index_blueprint


class PagelessPlugin(ThemePlugin):
    name = "pageless"
    title = "Theme without pages"


class OverridingPlugin(ThemePlugin):
    name = "overriding"
    title = "Overriding theme"
    blueprint = paged_blueprint

    @hookimpl
    def iscg_navigation(self) -> list[NavigationEntry]:
        return [NavigationEntry("paged.index", "Somewhere else")]

    @hookimpl
    def iscg_migration_directory(self) -> Path:
        return Path(__file__).parent


class UnmarkedOverridePlugin(ThemePlugin):
    name = "unmarked"
    blueprint = paged_blueprint

    def iscg_blueprint(self) -> Blueprint:  # not marked: hides the default from pluggy
        return no_index_blueprint


def registry_of(*plugins: ThemePlugin) -> PluginRegistry:
    registry = PluginRegistry()
    for plugin in plugins:
        registry.add(plugin)
    return registry


@pytest.fixture
def pages_app(database_url: str) -> Iterator[Flask]:
    plugins = [PagedPlugin(), ShortLabelPlugin(), NoIndexPlugin(), PagelessPlugin()]
    yield from running_app(database_url, ISCG_EXTRA_PLUGINS=plugins)


def test_pluggy_registers_the_inherited_hooks():
    registry = registry_of(PagedPlugin(), PagelessPlugin())
    for hook in DEFAULTED:
        assert registry.implementers(hook) == ["paged", "pageless"]
    assert registry.contributions("iscg_blueprint", every=True) == [("paged", paged_blueprint)]


def test_a_plugin_with_no_migrations_folder_beside_it_has_no_tables():
    registry = registry_of(PagedPlugin())
    assert registry.contributions("iscg_migration_directory", every=True) == []


def test_the_migrations_folder_is_the_one_beside_the_plugins_module():
    for package in (iscg_accessibility, iscg_ai, iscg_climate, iscg_example_plugin):
        folder = Path(package.__file__).parent / "migrations"
        assert package.plugin.iscg_migration_directory() == folder


def test_an_override_marked_as_a_hook_answers_instead_of_the_default():
    registry = registry_of(OverridingPlugin())
    assert registry.contributions("iscg_navigation", every=True) == [
        ("overriding", [NavigationEntry("paged.index", "Somewhere else")])
    ]
    assert registry.contributions("iscg_migration_directory", every=True) == [
        ("overriding", Path(__file__).parent)
    ]
    assert registry.contributions("iscg_blueprint", every=True) == [("overriding", paged_blueprint)]


def test_an_unmarked_override_is_no_hook():
    registry = registry_of(UnmarkedOverridePlugin())
    assert registry.implementers("iscg_blueprint") == []


def test_the_navigation_entry_is_the_blueprints_index_labelled_with_the_title(pages_app):
    entries = dict(plugin_registry().contributions("iscg_navigation", every=True))
    assert entries["paged"] == [NavigationEntry("paged.index", "Paged theme")]
    assert entries["short_label"] == [NavigationEntry("short_label.index", "Short")]
    assert entries["no_index"] == [] and entries["pageless"] == []


def test_the_shipped_plugins_leave_the_three_hooks_to_the_defaults(app):
    for plugin in (*SHIPPED, iscg_example_plugin.plugin):
        for hook in DEFAULTED:
            assert getattr(type(plugin), hook) is getattr(ThemePlugin, hook), (plugin.name, hook)
    entries = dict(plugin_registry().contributions("iscg_navigation", every=True))
    assert entries["ai"] == [NavigationEntry("ai.index", "AI reports")]
    assert entries["accessibility"] == [NavigationEntry("accessibility.index", "Accessibility")]


def test_the_version_is_the_installed_distributions():
    for plugin in SHIPPED:
        assert plugin.version == version("iscg-module")
    assert iscg_example_plugin.plugin.version == version("iscg-example-plugin")
    assert PagedPlugin().version == UNKNOWN_VERSION
