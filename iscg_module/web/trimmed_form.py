"""Forms whose text answers are trimmed, then held to the one rule for text, before anything else.

A length limit or a required check then sees what will be saved: "  " is empty, and a
title of 200 characters plus a trailing space still fits. Passwords are left as typed.
Every text field also gets the rule of ``text/plain_text.py``: a single-line field refuses
line breaks and control characters, a text area refuses control characters other than
newlines and tabs (the CR of the browser's CRLF is dropped first), and the message names
the field. Fields that plugins add to a core form are bound with it; a plain row form
(inside a ``RowList``) gets the same with ``class Meta(TrimmedMeta)``.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, PasswordField, StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.validators import ValidationError

from iscg_module.text.plain_text import describe, first_forbidden


def trimmed(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def unix_line_breaks(value: Any) -> Any:
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class TextRule:
    """A WTForms validator: the rule for text, on one line or over several."""

    def __init__(self, multi_line: bool) -> None:
        self.multi_line = multi_line

    def __call__(self, _form: Any, field: Field) -> None:
        if not isinstance(field.data, str):
            return
        refused = first_forbidden(field.data, self.multi_line)
        if refused is None:
            return
        if self.multi_line:
            raise ValidationError(f"{field.label.text} cannot hold {describe(refused)}.")
        raise ValidationError(
            f"{field.label.text} must be one line of text: it cannot hold {describe(refused)}."
        )


class TrimmedMeta:
    """A form ``Meta`` that trims every text field and applies the rule for text to it."""

    def bind_field(self, form: Any, unbound_field: UnboundField, options: dict) -> Field:
        field_class = unbound_field.field_class
        if not issubclass(field_class, StringField) or issubclass(field_class, PasswordField):
            return unbound_field.bind(form=form, **options)
        multi_line = issubclass(field_class, TextAreaField)
        added = (unix_line_breaks, trimmed) if multi_line else (trimmed,)
        filters = [*unbound_field.kwargs.get("filters", ()), *added]
        field = unbound_field.bind(form=form, filters=filters, **options)
        field.validators = [*field.validators, TextRule(multi_line)]
        return field


class TrimmedForm(FlaskForm):
    """A ``FlaskForm`` (with its CSRF token) whose text fields are trimmed and checked."""

    class Meta(TrimmedMeta):
        pass
