"""Admin views: members, their roles and accounts, plugins, and the audit log."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from iscg_module.access import ADMIN, SECRETARIAT_READ, require
from iscg_module.admin.forms import (
    GrantRoleForm,
    PluginSwitchForm,
    plugin_settings_form,
    submitted_settings,
)
from iscg_module.admin.queries import (
    all_themes,
    audit_actions,
    audit_page,
    grant_or_404,
    user_or_404,
    users_page,
)
from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.platform.gate import plugin_registry
from iscg_module.platform.operations import (
    change_plugin_settings,
    set_plugin_enabled,
    stored_settings,
)
from iscg_module.themes.queries import themes_by_id
from iscg_module.users.models import User
from iscg_module.users.operations import (
    deactivate_member,
    grant_product_role,
    reactivate_member,
    withdraw_role,
)
from iscg_module.web.action_form import ActionForm
from iscg_module.web.form_flow import act, submit
from iscg_module.web.record_ids import requested_page


@require(SECRETARIAT_READ)
def index() -> str:
    return render_template("admin/index.html")


@require(SECRETARIAT_READ)
def users() -> str:
    page = requested_page(request.args)
    rows, more = users_page(page)
    grants = [grant for user in rows for grant in user.role_grants]
    return render_template(
        "admin/users.html", users=rows, page=page, more=more, themes=themes_by_id(grants),
        development_issuer=DEVELOPMENT_ISSUER,
    )  # fmt: skip


@require(SECRETARIAT_READ)
def user(user_id: int) -> str:
    member = user_or_404(user_id)
    return _user_page(member, GrantRoleForm(formdata=None, themes=all_themes()))


@require(ADMIN)
def grant(user_id: int) -> str | Response:
    member = user_or_404(user_id)
    form = GrantRoleForm(themes=all_themes())
    done = submit(
        form,
        lambda: grant_product_role(current_user, member, *form.chosen),
        f"The role is granted to {member.display_name}.",
        lambda _grant: url_for("admin.user", user_id=member.id),
    )
    return done or _user_page(member, form)


@require(ADMIN)
def withdraw(user_id: int, grant_id: int) -> Response:
    member = user_or_404(user_id)
    role_grant = grant_or_404(member, grant_id)
    act(
        ActionForm(),
        lambda: withdraw_role(current_user, role_grant),
        f"The role is withdrawn from {member.display_name}.",
    )
    return redirect(url_for("admin.user", user_id=member.id))


@require(ADMIN)
def deactivate(user_id: int) -> Response:
    return _on_account(
        user_id, deactivate_member,
        "{name} is deactivated: signed out everywhere, calendar links stopped.",
    )  # fmt: skip


@require(ADMIN)
def reactivate(user_id: int) -> Response:
    return _on_account(user_id, reactivate_member, "{name} can sign in again.")


def _on_account(user_id: int, operation: Callable[[User, User], object], done: str) -> Response:
    """Run a button's ``operation`` on the member's account, then show their page again."""
    member = user_or_404(user_id)
    act(
        ActionForm(),
        lambda: operation(current_user, member),
        done.format(name=member.display_name),
    )
    return redirect(url_for("admin.user", user_id=member.id))


@require(SECRETARIAT_READ)
def audit() -> str:
    actions = audit_actions()
    action = request.args.get("action") or None
    unknown_action = action is not None and action not in actions
    page = requested_page(request.args)
    entries, more = audit_page(page, None if unknown_action else action)
    return render_template(
        "admin/audit.html", entries=entries, more=more, page=page, actions=actions,
        action=None if unknown_action else action, unknown_action=unknown_action,
    )  # fmt: skip


def _user_page(member: object, form: GrantRoleForm) -> str:
    return render_template(
        "admin/user.html",
        member=member,
        form=form,
        themes=themes_by_id(member.role_grants),
        action_form=ActionForm(formdata=None),
        development_issuer=DEVELOPMENT_ISSUER,
    )


@require(SECRETARIAT_READ)
def plugins() -> str:
    """The installed plugins, those that failed to load, and this worker's hook failures."""
    registry = plugin_registry()
    return render_template(
        "admin/plugins.html",
        plugins=sorted(registry.plugins.values(), key=lambda plugin: plugin.title or plugin.name),
        enabled=registry.enabled(),
        failures=sorted(registry.failures.items()),
        hook_failures=registry.hook_failures.by_plugin(),
    )


@require(SECRETARIAT_READ)
def plugin(name: str) -> str:
    """What a plugin is and adds: its state, settings and permissions."""
    registry = plugin_registry()
    found = registry.plugins.get(name) or abort(404)
    return render_template(
        "admin/plugin.html",
        plugin=found,
        enabled=name in registry.enabled(),
        settings=registry.declared("iscg_settings", name),
        values=registry.settings(name),
        permissions=registry.declared("iscg_permissions", name),
    )


@require(ADMIN)
def plugin_settings(name: str) -> str | Response:
    registry = plugin_registry()
    found = registry.plugins.get(name) or abort(404)
    declared = registry.declared("iscg_settings", name)
    current = stored_settings(name)
    form = plugin_settings_form(declared, current)
    if request.method == "GET":
        form.revision.open(current)
    done = submit(
        form,
        lambda: change_plugin_settings(
            current_user, name, submitted_settings(form, declared), form.revision.opened
        ),
        f"The settings of {found.title or name} are saved; every server uses them within a second.",
        lambda _changed: url_for("admin.plugin", name=name),
    )
    return done or render_template(
        "admin/plugin_settings.html", plugin=found, form=form, declared=declared
    )


@require(ADMIN)
def switch_plugin(name: str) -> str | Response:
    """Ask first (GET, offering the opposite of the current state), then switch (POST)."""
    registry = plugin_registry()
    plugin = registry.plugins.get(name) or abort(404)
    if request.method == "GET":
        enable = name not in registry.enabled()
        form = PluginSwitchForm(formdata=None, state="enabled" if enable else "disabled")
        return render_template("admin/plugin_switch.html", plugin=plugin, enable=enable, form=form)
    form = PluginSwitchForm()
    act(
        form,
        lambda: set_plugin_enabled(current_user, name, form.enable),
        f"{plugin.title or name} is {form.state.data} on every server within a second.",
    )
    return redirect(url_for("admin.plugins"))
