"""Switching plugins and reading their contributions, for plugin authors' tests."""

from __future__ import annotations

from typing import Any

from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.operations import set_plugin_enabled
from iscg_module.platform.registry import HookFailure
from iscg_module.platform.report_sections import ReportPeriod, report_sections


def enable_plugin(name: str, actor: Any = None) -> None:
    """Enable ``name`` as an admin would; this worker sees it at once."""
    set_plugin_enabled(actor, name, True)


def disable_plugin(name: str, actor: Any = None) -> None:
    set_plugin_enabled(actor, name, False)


def report_markdown(period: ReportPeriod) -> dict[str, str]:
    """The enabled plugins' progress-report sections for ``period``: title to Markdown."""
    return {item.section.title: item.section.markdown for item in report_sections(period)}


def enable_every_plugin(actor: Any = None) -> list[str]:
    """Enable every installed plugin not enabled yet (route walks check their pages too)."""
    registry = plugin_registry()
    names = sorted(registry.plugins)
    for name in set(names) - registry.enabled():
        enable_plugin(name, actor)
    return names


def sample_url_values(endpoint: str) -> dict[str, Any]:
    """The URL values that the plugin serving ``endpoint`` offers the route walks (core: none)."""
    registry = plugin_registry()
    owner = registry.blueprints.get(endpoint.partition(".")[0])
    answers = registry.contributions("iscg_sample_url_values")
    return next((values for plugin, values in answers if plugin == owner), {})


def hook_failures(name: str) -> list[HookFailure]:
    """The hooks of plugin ``name`` that raised in this app, the latest failure of each.

    A hook that raises is left out of the page rather than failing it, so a test that
    wants to know its plugin worked asserts this is empty.
    """
    return plugin_registry().hook_failures.of(name)
