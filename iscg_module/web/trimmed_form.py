"""Forms whose text answers lose their surrounding spaces before they are validated.

A length limit or a required check then sees what will be saved: "  " is empty, and a
title of 200 characters plus a trailing space still fits. Passwords are left as typed.
Fields that plugins add to a core form are trimmed with it; a plain row form (inside a
``FieldList``) trims its own with ``class Meta(TrimmedMeta)``.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, PasswordField, StringField
from wtforms.fields.core import UnboundField


def trimmed(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class TrimmedMeta:
    """A form ``Meta`` that adds the trimming filter to every text field as it is bound."""

    def bind_field(self, form: Any, unbound_field: UnboundField, options: dict) -> Field:
        field_class = unbound_field.field_class
        if issubclass(field_class, StringField) and not issubclass(field_class, PasswordField):
            filters = [*unbound_field.kwargs.get("filters", ()), trimmed]
            return unbound_field.bind(form=form, filters=filters, **options)
        return unbound_field.bind(form=form, **options)


class TrimmedForm(FlaskForm):
    """A ``FlaskForm`` (with its CSRF token) that trims every text field's answer."""

    class Meta(TrimmedMeta):
        pass
