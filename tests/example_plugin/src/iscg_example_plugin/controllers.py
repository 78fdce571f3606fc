"""The example plugin's views; ``blueprint.py`` gives each its address."""

from __future__ import annotations

from flask import render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from iscg_example_plugin.forms import NoteForm
from iscg_example_plugin.notes import event_counts, latest_notes, write_note
from iscg_example_plugin.permissions import WRITE_NOTES
from iscg_module.platform.api import MEMBER, plugin_settings, require, submit


@require(MEMBER)
def index() -> str:
    settings = plugin_settings("example")
    return render_template(
        "iscg_example_plugin/index.html",
        heading=settings["heading"],
        notes=latest_notes(settings["notes_shown"]),
        counts=event_counts(),
        may_write=WRITE_NOTES.allows(current_user),
    )


@require(WRITE_NOTES)
def new_note() -> str | Response:
    form = NoteForm()
    done = submit(
        form,
        lambda: write_note(current_user, form.body.data),
        "Your note is saved.",
        lambda _note: url_for("example.index"),
    )
    return done or render_template("iscg_example_plugin/new_note.html", form=form)
