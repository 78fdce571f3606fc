"""Views of theme updates: read, write, submit, publish, return, history and the Atom feed."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, abort, redirect, render_template, request, url_for
from flask_login import current_user

from iscg_module.access import ADMIN, MEMBER, THEME_WRITER, require
from iscg_module.platform.form_extensions import (
    CoreForm,
    extended_form,
    extension_values,
    field_groups,
)
from iscg_module.theme_updates import operations
from iscg_module.theme_updates.atom_feed import theme_feed
from iscg_module.theme_updates.content import links_as_text
from iscg_module.theme_updates.edited_values import update_values
from iscg_module.theme_updates.forms import ReturnForm, UpdateForm
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.theme_updates.operations import Draft
from iscg_module.theme_updates.policy import may_write
from iscg_module.theme_updates.queries import (
    latest_published,
    published_updates,
    theme_or_404,
    unpublished_updates,
    update_or_404,
)
from iscg_module.themes.models import Theme
from iscg_module.users.models import User
from iscg_module.web.action_form import ActionForm
from iscg_module.web.form_flow import act, submit


def _update_page(update: ThemeUpdate) -> str:
    return url_for("theme_updates.show", slug=update.theme.slug, update_id=update.id)


@require(MEMBER)
def index(slug: str) -> str:
    theme = theme_or_404(slug)
    page = request.args.get("page", 1, type=int) or 1
    updates, more = published_updates(theme, max(page, 1))
    return render_template(
        "theme_updates/index.html",
        theme=theme, updates=updates, page=page, more=more,
        may_write=may_write(current_user, theme),
        unpublished=unpublished_updates(theme, current_user),
    )  # fmt: skip


@require(THEME_WRITER)
def new(slug: str) -> str | Response:
    theme = theme_or_404(slug)
    form = extended_form(UpdateForm, CoreForm.THEME_UPDATE, None, theme=theme.slug)
    return _save(theme, form, None) or _form_page(theme, form, None)


@require(THEME_WRITER)
def edit(slug: str, update_id: int) -> str | Response:
    theme = theme_or_404(slug)
    update = update_or_404(theme, update_id, current_user)
    form = extended_form(
        UpdateForm, CoreForm.THEME_UPDATE, update, theme=theme.slug,
        title=update.title, period_start=update.period_start, period_end=update.period_end,
        body=update.body, links=links_as_text(update.links),
    )  # fmt: skip
    form.remove_attachments.offer(update.attachments)
    if request.method == "GET":
        form.revision.open(update_values(update))
    return _save(theme, form, update) or _form_page(theme, form, update)


def _save(theme: Theme, form: UpdateForm, update: ThemeUpdate | None) -> Response | None:
    """Save the draft, and submit it too when the writer pressed that button."""

    def save() -> ThemeUpdate:
        draft = Draft(
            form.content, extension_values(form),
            new_files=tuple(form.new_attachments.data),
            removed_attachments=form.remove_attachments.ticked, opened=form.revision.opened,
        )  # fmt: skip
        action = operations.save_and_submit if form.save_and_submit.data else operations.save_draft
        return action(current_user, theme, draft, update)

    message = "Submitted for publication." if form.save_and_submit.data else "Draft saved."
    return submit(form, save, message, _update_page)


def _form_page(theme: Theme, form: UpdateForm, update: ThemeUpdate | None) -> str:
    return render_template(
        "theme_updates/form.html",
        theme=theme, form=form, update=update, plugin_fields=field_groups(form),
    )  # fmt: skip


@require(MEMBER)
def show(slug: str, update_id: int) -> str:
    theme = theme_or_404(slug)
    update = update_or_404(theme, update_id, current_user)
    return render_template(
        "theme_updates/show.html",
        theme=theme, update=update, may_write=may_write(current_user, theme),
        action_form=ActionForm(formdata=None), return_form=ReturnForm(formdata=None),
    )  # fmt: skip


@require(MEMBER)
def version(slug: str, update_id: int, number: int) -> str:
    theme = theme_or_404(slug)
    update = update_or_404(theme, update_id, current_user)
    kept = next((kept for kept in update.versions if kept.number == number), None)
    if kept is None:
        abort(404)
    return render_template("theme_updates/version.html", theme=theme, update=update, kept=kept)


@require(THEME_WRITER)
def submit_for_publication(slug: str, update_id: int) -> Response:
    return _act_on(slug, update_id, operations.submit_update, "Submitted for publication.")


@require(ADMIN)
def publish(slug: str, update_id: int) -> Response:
    message = "Published: every member can read it, and the theme's feed carries it."
    return _act_on(slug, update_id, operations.publish_update, message)


def _act_on(
    slug: str, update_id: int, operation: Callable[[User, ThemeUpdate], object], message: str
) -> Response:
    """Run a button's ``operation`` on the update, then go back to the update's page."""
    update = update_or_404(theme_or_404(slug), update_id, current_user)
    act(ActionForm(), lambda: operation(current_user, update), message)
    return redirect(_update_page(update))


@require(ADMIN)
def return_to_writers(slug: str, update_id: int) -> str | Response:
    theme = theme_or_404(slug)
    update = update_or_404(theme, update_id, current_user)
    form = ReturnForm()
    done = submit(
        form,
        lambda: operations.return_update(current_user, update, form.comment.data),
        "Returned to the theme's focal points with your comment.",
        _update_page,
    )
    return done or render_template("theme_updates/return.html", theme=theme, update=update,
                                   form=form)  # fmt: skip


@require(MEMBER)
def feed(slug: str) -> Response:
    theme = theme_or_404(slug)
    atom = theme_feed(theme, latest_published(theme), request.url_root)
    return Response(atom, mimetype="application/atom+xml")
