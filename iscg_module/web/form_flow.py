"""The path every state-changing form takes: validate, run the operation, redirect or explain."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import flash, redirect
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from iscg_module.operation_refused import OperationRefused
from iscg_module.revisions.stale_edit import StaleEdit
from iscg_module.web.revision_field import RevisionField

Result = TypeVar("Result")


def submit(
    form: FlaskForm,
    operation: Callable[[], Result],
    success: str,
    next_url: Callable[[Result], str],
) -> Response | None:
    """Run ``operation`` for a valid form and redirect; None means: render the form again.

    A refusal by the domain's rules becomes a message at the top of the form; a save made
    against a revision that is no longer the record's also names what changed, and the
    form's ``revision`` moves on, so that saving again is a choice made knowingly.
    """
    if not form.validate_on_submit():
        return None
    try:
        result = operation()
    except StaleEdit as conflict:
        revision = getattr(form, "revision", None)
        if isinstance(revision, RevisionField):
            form.form_errors.append(revision.explain(conflict, form))
        else:
            form.form_errors.append(str(conflict))
        return None
    except OperationRefused as error:
        form.form_errors.append(str(error))
        return None
    flash(success, "success")
    return redirect(next_url(result))


def act(form: FlaskForm, operation: Callable[[], object], success: str) -> None:
    """Run a button's operation if its form (its CSRF token) is valid; flash what happened."""
    if not form.validate_on_submit():
        flash("That action was not understood; nothing changed.", "error")
        return
    try:
        operation()
    except OperationRefused as error:
        flash(str(error), "error")
    else:
        flash(success, "success")
