"""The one rule for text: every form of the core and of the plugins holds every field to it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict
from wtforms import Form, HiddenField, StringField, TextAreaField, URLField

from iscg_module.web.trimmed_form import TrimmedForm, TrimmedMeta

CONTROLS = [chr(code) for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))]
LINE_BREAKS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85"]
OTHER_CONTROLS = [c for c in CONTROLS if c not in ("\n", "\t", "\r", "\x85", "\x0b", "\x0c")]
PACKAGES = ("iscg_module", "iscg_accessibility", "iscg_climate", "iscg_ai")


class Page(TrimmedForm):
    class Meta:
        csrf = False

    title = StringField("Title")
    address = URLField("Join link")
    state = HiddenField("State")
    notes = TextAreaField("Notes")


@pytest.fixture(scope="module")
def app():
    """A bare application for the forms' request context: the rule needs no database."""
    return Flask(__name__)


def errors_of(app, **answers: str) -> dict[str, list[str]]:
    with app.test_request_context():
        form = Page(MultiDict(answers))
        form.validate()
        return form.errors


@pytest.mark.parametrize("character", [*OTHER_CONTROLS, *LINE_BREAKS, "\t"], ids=repr)
@pytest.mark.parametrize("field", ["title", "address", "state"])
def test_a_single_line_field_refuses_breaks_and_controls_naming_the_field(app, field, character):
    errors = errors_of(app, **{field: f"Quarterly{character}update"})
    [message] = errors[field]
    label = {"title": "Title", "address": "Join link", "state": "State"}[field]
    assert message.startswith(f"{label} must be one line of text: it cannot hold ")


@pytest.mark.parametrize("character", OTHER_CONTROLS, ids=repr)
def test_a_text_area_refuses_controls_naming_the_character(app, character):
    [message] = errors_of(app, notes=f"First{character}second")["notes"]
    assert message == f"Notes cannot hold the control character U+{ord(character):04X}."


def test_a_text_area_keeps_lines_and_tabs_and_drops_the_browsers_carriage_returns(app):
    with app.test_request_context():
        form = Page(MultiDict({"notes": "Line one\r\n\tLine two\nLine three"}))
        assert form.validate(), form.errors
        assert form.notes.data == "Line one\n\tLine two\nLine three"


@pytest.mark.parametrize("text", ["Réunion à Genève", "会议 ISCG/21-2/04-1", "مجموعة", "A – B"])
def test_text_in_any_script_passes(app, text):
    assert errors_of(app, title=text, notes=text) == {}


def forms_of(package: str) -> list[type[Form]]:
    """Every form class defined in ``package`` and its modules."""
    root = importlib.import_module(package)
    found = []
    for module_info in pkgutil.walk_packages(root.__path__, f"{package}."):
        if ".testing" in module_info.name or module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Form) and value.__module__ == module.__name__:
                found.append(value)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_form_of_the_core_and_the_plugins_applies_the_rule(package):
    forms = forms_of(package)
    assert forms, package
    outside = [form.__qualname__ for form in forms if not issubclass(form.Meta, TrimmedMeta)]
    assert outside == []
