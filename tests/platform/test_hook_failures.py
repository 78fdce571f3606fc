"""The registry's record of hooks that raised, and the hooks that still raise."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from iscg_module.platform.api import Rule, ThemePlugin, hookimpl
from iscg_module.platform.registry import MESSAGE_LENGTH, HookFailures, PluginRegistry
from tests.platform.broken_plugin import BROKEN_MESSAGE, BrokenPlugin, PluginBug
from tests.platform.sample_plugin import RecordingPlugin


class BrokenDeclarations(ThemePlugin):
    name = "broken_declarations"

    @hookimpl
    def iscg_permissions(self) -> list[Rule]:
        raise PluginBug("no permissions today")

    @hookimpl
    def iscg_sample_url_values(self) -> dict[str, Any]:
        raise PluginBug("no values today")


def registry_of(*plugins: ThemePlugin) -> PluginRegistry:
    registry = PluginRegistry()
    for plugin in plugins:
        registry.add(plugin)
    return registry


def test_a_raising_hook_is_left_out_and_the_next_plugin_still_answers(caplog):
    registry = registry_of(BrokenPlugin(), RecordingPlugin())
    with caplog.at_level(logging.ERROR):
        answers = registry.contributions("iscg_navigation", every=True)
    assert [plugin for plugin, _entries in answers] == ["sample"]
    (failure,) = registry.hook_failures.of("broken")
    assert (failure.hook, failure.error_type, failure.message, failure.times) == (
        "iscg_navigation", "PluginBug", BROKEN_MESSAGE, 1,
    )  # fmt: skip
    assert "plugin broken failed in iscg_navigation" in caplog.text
    assert registry.hook_failures.of("sample") == []


def test_each_handler_is_called_on_its_own():
    sample = RecordingPlugin()
    registry = registry_of(BrokenPlugin(), sample)
    registry.contributions("iscg_handle_event", every=True, event="meeting.changed", payload={})
    assert sample.events == [("meeting.changed", {})]
    assert [failure.hook for failure in registry.hook_failures.of("broken")] == [
        "iscg_handle_event"
    ]


@pytest.mark.parametrize("hook", ["iscg_permissions", "iscg_sample_url_values"])
def test_declarations_still_raise(hook):
    registry = registry_of(BrokenDeclarations())
    with pytest.raises(PluginBug):
        registry.contributions(hook, every=True)
    assert registry.hook_failures.by_plugin() == {}


def test_the_record_keeps_the_latest_failure_of_each_hook_and_counts_them():
    failures = HookFailures()
    failures.record("p", "iscg_navigation", ValueError("first"))
    failures.record("p", "iscg_navigation", KeyError("second"))
    failures.record("p", "iscg_dashboard_widgets", ValueError("widgets"))
    failures.record("q", "iscg_navigation", ValueError("other plugin"))
    widgets, navigation = failures.of("p")
    assert (navigation.error_type, navigation.message, navigation.times) == (
        "KeyError",
        "'second'",
        2,
    )
    assert (widgets.hook, widgets.times) == ("iscg_dashboard_widgets", 1)
    assert list(failures.by_plugin()) == ["p", "q"]


def test_a_message_is_kept_on_one_line_and_cut_short():
    failures = HookFailures()
    failures.record("p", "hook", ValueError("line one\nline two " + "x" * 1000))
    (failure,) = failures.of("p")
    assert failure.message.startswith("line one line two x")
    assert len(failure.message) == MESSAGE_LENGTH and failure.message.endswith("…")


def test_threads_recording_at_once_lose_no_failure():
    failures = HookFailures()

    def record_many() -> None:
        for _ in range(500):
            failures.record("p", "hook", ValueError("again"))

    threads = [threading.Thread(target=record_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (failure,) = failures.of("p")
    assert failure.times == 2000
