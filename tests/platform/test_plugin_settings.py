"""Typed plugin settings: a generated form, checked values, the audit log, every worker."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.platform.api import db
from iscg_module.platform.models import PluginSetting
from iscg_module.platform.operations import PluginRuleError, change_plugin_settings
from iscg_module.platform.settings import SettingValueError
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.fixtures import make_app
from iscg_module.users.roles import Role
from tests.platform.sample_plugin import RecordingPlugin

URL = "/admin/plugins/sample/settings"
VALID = {
    "setting__greeting": "Bonjour",
    "setting__limit": "7",
    "setting__loud": "y",
    "setting__tone": "formal",
}


@pytest.fixture
def admin_client(plugin_app, plugin_admin):
    return sign_in(plugin_app, plugin_admin)


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def settings_audited() -> int:
    query = select(func.count()).where(AuditEntry.action == "plugin.settings_changed")
    return db.session.scalar(query)


def test_settings_start_at_their_defaults(plugin_app):
    registry = plugin_app.extensions["iscg_plugins"]
    assert registry.settings("sample") == {
        "greeting": "Hello", "limit": 3, "loud": False, "tone": "warm",
    }  # fmt: skip


def test_the_generated_form_shows_every_setting_with_its_value(admin_client):
    page = admin_client.get(URL).get_data(as_text=True)
    assert 'name="setting__greeting"' in page and 'value="Hello"' in page
    assert 'name="setting__limit"' in page and 'type="checkbox"' in page
    assert '<option selected value="warm">Warm</option>' in page


def test_an_admin_saves_typed_values_and_the_audit_log_keeps_the_change(
    plugin_app, admin_client, plugin_admin
):
    assert admin_client.post_form(URL, VALID).status_code == 302
    assert plugin_app.extensions["iscg_plugins"].settings("sample") == {
        "greeting": "Bonjour", "limit": 7, "loud": True, "tone": "formal",
    }  # fmt: skip
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action.like("plugin.settings%")))
    assert entry.actor_id == plugin_admin.id
    assert entry.details["changes"]["limit"] == {"from": 3, "to": 7}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("setting__greeting", "", "This field is required."),
        ("setting__greeting", "x" * 41, "Field cannot be longer than 40 characters."),
        ("setting__limit", "11", "Number must be between 1 and 10."),
        ("setting__limit", "many", "Not a valid integer value."),
        ("setting__tone", "shouting", "Not a valid choice."),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(admin_client, field, value, message):
    page = admin_client.post_form(URL, {**VALID, field: value}).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    assert rows(PluginSetting) == 0
    assert settings_audited() == 0


def test_the_domain_refuses_what_the_form_would_not_send(plugin_app, plugin_admin):
    with pytest.raises(SettingValueError, match="between 1 and 10"):
        change_plugin_settings(plugin_admin, "sample", {"greeting": "Hi", "limit": 99})
    with pytest.raises(PluginRuleError, match="no setting colour"):
        change_plugin_settings(plugin_admin, "sample", {"colour": "red"})
    assert rows(PluginSetting) == 0


def test_only_admins_change_settings(plugin_app):
    chair = sign_in(plugin_app, make_user("Plugin Chair", Role.CHAIR))
    member = sign_in(plugin_app, make_user("Plugin Member"))
    assert chair.get("/admin/plugins/sample").status_code == 200
    assert chair.get(URL).status_code == 403
    assert chair.post_form(URL, VALID).status_code == 403
    assert member.get("/admin/plugins/sample").status_code == 403
    assert rows(PluginSetting) == 0


def test_another_worker_reads_the_new_values_at_its_next_poll(
    plugin_app, plugin_admin, database_url
):
    other_app = make_app(database_url, ISCG_EXTRA_PLUGINS=[RecordingPlugin()])
    other = other_app.extensions["iscg_plugins"]
    other.poll_every = 60
    with other_app.app_context():
        assert other.settings("sample")["greeting"] == "Hello"
    change_plugin_settings(plugin_admin, "sample", {"greeting": "Hola"})
    other.poll_every = 0
    with other_app.app_context():
        assert other.settings("sample")["greeting"] == "Hola"
