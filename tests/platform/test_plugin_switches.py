"""Plugins switched on and off at runtime: pages, navigation, events, audit, data kept."""

from __future__ import annotations

import pluggy
import pytest
from sqlalchemy import select

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.platform.operations import PluginRuleError, set_plugin_enabled
from iscg_module.platform.registry import PluginRegistry
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.fixtures import make_app
from tests.platform.sample_plugin import MisnamedHookPlugin, RecordingPlugin


@pytest.fixture
def admin(plugin_admin):
    """The admin of the app with the plugin (the shared ``admin`` belongs to the plain app)."""
    return plugin_admin


@pytest.fixture
def member_of_plugin_app(plugin_app):
    return sign_in(plugin_app, make_user("Plugin Member"))


def test_a_plugin_starts_disabled_and_its_pages_answer_404(plugin_app, member_of_plugin_app):
    assert member_of_plugin_app.get("/themes/sample/").status_code == 404
    assert "Sample theme" not in member_of_plugin_app.get("/").get_data(as_text=True)


def test_enabling_brings_pages_and_navigation_disabling_removes_them(
    plugin_app, member_of_plugin_app, admin
):
    set_plugin_enabled(admin, "sample", True)
    assert member_of_plugin_app.get("/themes/sample/").get_data(as_text=True) == "sample theme page"
    assert 'href="/themes/sample/"' in member_of_plugin_app.get("/").get_data(as_text=True)
    set_plugin_enabled(admin, "sample", False)
    assert member_of_plugin_app.get("/themes/sample/").status_code == 404
    assert 'href="/themes/sample/"' not in member_of_plugin_app.get("/").get_data(as_text=True)


def test_a_disabled_plugin_answers_404_even_to_anonymous_visitors(plugin_app):
    response = plugin_app.test_client().get("/themes/sample/")
    assert response.status_code == 404  # not a redirect to sign in: the page does not exist


def test_plugin_pages_without_an_access_rule_are_refused(plugin_app, member_of_plugin_app, admin):
    set_plugin_enabled(admin, "sample", True)
    assert member_of_plugin_app.get("/themes/sample/undeclared").status_code == 403


def test_event_handlers_run_only_while_enabled(plugin_app, plugin, admin):
    make_meeting()
    assert plugin.events == []
    set_plugin_enabled(admin, "sample", True)
    make_meeting()
    assert [name for name, _ in plugin.events] == ["meeting.scheduled"]
    set_plugin_enabled(admin, "sample", False)
    make_meeting()
    assert [name for name, _ in plugin.events] == ["meeting.scheduled", "plugin.disabled"]


def test_every_switch_is_audited(plugin_app, admin):
    set_plugin_enabled(admin, "sample", True)
    set_plugin_enabled(admin, "sample", False)
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.subject_type == "plugin").order_by(AuditEntry.id)
    ).all()
    assert [(e.action, e.actor_id, e.details) for e in entries] == [
        ("plugin.enabled", admin.id, {"plugin": "sample"}),
        ("plugin.disabled", admin.id, {"plugin": "sample"}),
    ]


def test_unknown_plugins_and_repeated_switches_are_refused(plugin_app, admin):
    with pytest.raises(PluginRuleError, match="No plugin called"):
        set_plugin_enabled(admin, "nonexistent", True)
    with pytest.raises(PluginRuleError, match="already disabled"):
        set_plugin_enabled(admin, "sample", False)


def test_another_worker_follows_once_its_poll_comes_due(plugin_app, database_url, admin):
    """A second app instance on the same database stands for another worker process."""
    other_app = make_app(database_url, ISCG_EXTRA_PLUGINS=[RecordingPlugin()])
    registry = other_app.extensions["iscg_plugins"]
    registry.poll_every = 60

    def enabled_there() -> frozenset[str]:
        with other_app.app_context():
            return registry.enabled()

    assert enabled_there() == frozenset()
    set_plugin_enabled(admin, "sample", True)
    assert enabled_there() == frozenset()  # not polled again yet
    registry.poll_every = 0  # what a second's wait does
    assert enabled_there() == frozenset({"sample"})


def test_a_misnamed_hook_fails_at_registration():
    with pytest.raises(pluggy.PluginValidationError):
        PluginRegistry().add(MisnamedHookPlugin())


def test_the_command_line_lists_enables_and_disables(plugin_app):
    runner = plugin_app.test_cli_runner()
    listed = runner.invoke(args=["iscg", "plugins", "list"]).output.splitlines()
    assert "sample\tdisabled\tunknown\tSample theme" in listed
    assert runner.invoke(args=["iscg", "plugins", "enable", "sample"]).exit_code == 0
    listed = runner.invoke(args=["iscg", "plugins", "list"]).output.splitlines()
    assert "sample\tenabled\tunknown\tSample theme" in listed
    failed = runner.invoke(args=["iscg", "plugins", "enable", "sample"])
    assert failed.exit_code != 0 and "already enabled" in failed.output
    assert runner.invoke(args=["iscg", "plugins", "disable", "sample"]).exit_code == 0


def test_the_demo_loads_plugins_data_and_enables_them_once(plugin_app, plugin):
    runner = plugin_app.test_cli_runner()
    output = runner.invoke(args=["iscg", "demo"]).output
    assert "Demo data of the plugins: " in output and "sample" in output.splitlines()[-1]
    assert plugin.demo_loads == 1
    assert runner.invoke(args=["iscg", "plugins", "disable", "sample"]).exit_code == 0
    runner.invoke(args=["iscg", "demo"])
    assert plugin.demo_loads == 2
    assert "sample\tdisabled" in runner.invoke(args=["iscg", "plugins", "list"]).output
