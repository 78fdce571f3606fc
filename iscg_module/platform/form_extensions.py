"""Fields that enabled plugins add to core forms, validated and saved with the core form.

The core builds its form with the plugins' fields added (each named after its plugin, so
two plugins cannot collide), validates everything at once, and hands the plugins' values
to the core operation, which saves them in its own transaction: a plugin refusing a value
rolls back the core change too.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.fields.core import UnboundField

from iscg_module.platform.gate import plugin_registry

Form = TypeVar("Form", bound=FlaskForm)
SEPARATOR = "__"


class CoreForm(StrEnum):
    """The core forms that plugins may extend."""

    MEETING_REGISTRATION = "meeting_registration"
    THEME_UPDATE = "theme_update"


class FormExtension(ABC):
    """A plugin's fields on one core form, and how their values are loaded and saved."""

    legend: str = ""

    @abstractmethod
    def fields(self) -> dict[str, UnboundField]:
        """The fields to add, by name, with their validators (limits included)."""

    def load(self, subject: Any) -> dict[str, Any]:
        """The values to show for ``subject`` (e.g. the member's registration)."""
        return {}

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """Messages by field name for values that do not hold together (none by default).

        Called once every field passed its own validators, so that a contradiction between
        two fields is shown beside the field to change, before anything is saved.
        """
        return {}

    @abstractmethod
    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        """Store ``values`` for ``subject`` in the current transaction.

        Raise ``OperationRefused`` to refuse them: nothing of the form is then saved.
        """


@dataclass(frozen=True)
class FieldGroup:
    """The fields one plugin added to a form, for the template to show as a fieldset."""

    plugin: str
    legend: str
    fields: list[Field]


@dataclass
class ExtensionValues:
    """What each plugin's fields hold after validation, ready for the core operation."""

    parts: list[tuple[FormExtension, dict[str, Any]]] = field(default_factory=list)

    def save(self, actor: Any, subject: Any) -> None:
        for extension, values in self.parts:
            extension.save(actor, subject, values)


def extended_form(
    form_class: type[Form],
    core_form: CoreForm,
    subject: Any,
    *args: Any,
    theme: str | None = None,
    **kwargs: Any,
) -> Form:
    """An instance of ``form_class`` with the enabled plugins' fields for ``core_form``.

    ``subject`` is what the form edits (None when it makes something new); the plugins'
    current values for it fill their fields. ``theme`` is the slug of the theme the form
    is for (a theme update's), so that a plugin can extend its own theme's form only; it
    is None for a form of no theme.
    """
    extensions = plugin_registry().contributions(
        "iscg_form_extension", form=core_form.value, theme=theme
    )
    added: dict[str, UnboundField] = {}
    initial: dict[str, Any] = {}
    for plugin, extension in extensions:
        loaded = extension.load(subject) if subject is not None else {}
        for name, unbound in extension.fields().items():
            added[f"{plugin}{SEPARATOR}{name}"] = unbound
            if name in loaded:
                initial[f"{plugin}{SEPARATOR}{name}"] = loaded[name]
    form_type = type(form_class.__name__, (_CheckedByExtensions, form_class), added)
    form = form_type(*args, data=initial, **kwargs)
    form.extensions = extensions
    return form


class _CheckedByExtensions:
    """Runs each plugin's ``check`` after the form's own validation passed for its fields."""

    extensions: list[tuple[str, FormExtension]]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)  # type: ignore[misc]
        for plugin, extension in self.extensions:
            fields = dict(zip(extension.fields(), _fields_of(self, plugin, extension), strict=True))
            if any(bound.errors for bound in fields.values()):
                continue
            values = {name: bound.data for name, bound in fields.items()}
            for name, message in extension.check(values).items():
                fields[name].errors.append(message)
                valid = False
        self._errors = None  # the form's error summary is gathered again, with these
        return valid


def field_groups(form: FlaskForm) -> list[FieldGroup]:
    """The plugins' fields of an extended form, one group per plugin."""
    return [
        FieldGroup(plugin, extension.legend, _fields_of(form, plugin, extension))
        for plugin, extension in getattr(form, "extensions", [])
    ]


def extension_values(form: FlaskForm) -> ExtensionValues:
    """The validated values of the plugins' fields, for the core operation to save."""
    parts = []
    for plugin, extension in getattr(form, "extensions", []):
        fields = zip(extension.fields(), _fields_of(form, plugin, extension), strict=True)
        parts.append((extension, {name: bound.data for name, bound in fields}))
    return ExtensionValues(parts)


def _fields_of(form: FlaskForm, plugin: str, extension: FormExtension) -> list[Field]:
    return [form[f"{plugin}{SEPARATOR}{name}"] for name in extension.fields()]
