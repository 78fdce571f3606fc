"""Fields that enabled plugins add to core forms, validated and saved with the core form.

The core builds its form with the plugins' fields added (each named after its plugin, so
two plugins cannot collide), validates everything at once, and hands the plugins' values
to the core operation, which saves them in its own transaction: a plugin refusing a value
rolls back the core change too.

Only a refusal may stop the save, and it says why on the form: a validator's message, a
``check`` message, or ``OperationRefused`` from ``save``. A plugin whose code raises while
the form is built (its hook, ``fields``, ``load``) or checked is logged and left out, and
the form works and saves without it.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.fields.core import UnboundField

from iscg_module.platform.gate import plugin_registry

if TYPE_CHECKING:
    from iscg_module.platform.registry import PluginRegistry

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


@dataclass(frozen=True)
class _Part:
    """One plugin's extension of a form, with the names of the fields it added."""

    plugin: str
    extension: FormExtension
    names: tuple[str, ...]

    def bound(self, form: FlaskForm) -> dict[str, Field]:
        return {name: form[f"{self.plugin}{SEPARATOR}{name}"] for name in self.names}


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
    is None for a form of no theme. A plugin whose extension fails to give its fields or
    its values is left out of the form, which then saves none of its values either.
    """
    registry = plugin_registry()
    extensions = registry.contributions("iscg_form_extension", form=core_form.value, theme=theme)
    parts: list[_Part] = []
    added: dict[str, UnboundField] = {}
    initial: dict[str, Any] = {}
    for plugin, extension in extensions:
        built = _part(registry, plugin, extension, subject)
        if built is None:
            continue
        part, fields, loaded = built
        parts.append(part)
        for name, unbound in fields.items():
            key = f"{plugin}{SEPARATOR}{name}"
            added[key] = unbound
            if name in loaded:
                initial[key] = loaded[name]
    form_type = type(form_class.__name__, (_CheckedByExtensions, form_class), added)
    form = form_type(*args, data=initial, **kwargs)
    form.extension_parts = parts
    return form


def _part(
    registry: PluginRegistry, plugin: str, extension: FormExtension, subject: Any
) -> tuple[_Part, dict[str, UnboundField], dict[str, Any]] | None:
    """The plugin's part of the form, its fields and their values; None if its code raised."""
    fields = registry.isolated(plugin, _hook("fields"), functools.partial(_fields, extension))
    if fields is None:
        return None
    loaded: dict[str, Any] | None = {}
    if subject is not None:
        loaded = registry.isolated(
            plugin, _hook("load"), functools.partial(_load, extension, subject)
        )
    if loaded is None:
        return None
    return _Part(plugin, extension, tuple(fields)), fields, loaded


def _hook(method: str) -> str:
    """How the log and ``/admin/plugins`` name a method of a plugin's form extension."""
    return f"iscg_form_extension: {method}()"


def _fields(extension: FormExtension) -> dict[str, UnboundField]:
    fields = dict(extension.fields())
    if not all(isinstance(unbound, UnboundField) for unbound in fields.values()):
        raise TypeError("fields() must give unbound fields, such as StringField(...)")
    return fields


def _load(extension: FormExtension, subject: Any) -> dict[str, Any]:
    return dict(extension.load(subject))


def _messages(extension: FormExtension, values: dict[str, Any]) -> dict[str, str]:
    return extension.check(values) or {}


class _CheckedByExtensions:
    """Runs each plugin's ``check`` after the form's own validation passed for its fields.

    A ``check`` that raises (rather than returning messages) is logged and its plugin's
    values are then not saved: only messages may refuse the form.
    """

    extension_parts: list[_Part]
    unchecked: set[str]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)  # type: ignore[misc]
        registry = plugin_registry()
        self.unchecked = set()
        for part in self.extension_parts:
            fields = part.bound(self)  # type: ignore[arg-type]
            if any(bound.errors for bound in fields.values()):
                continue
            values = {name: bound.data for name, bound in fields.items()}
            check = functools.partial(_messages, part.extension, values)
            messages = registry.isolated(part.plugin, _hook("check"), check)
            if messages is None:
                self.unchecked.add(part.plugin)
                continue
            for name, message in messages.items():
                fields[name].errors.append(message)
                valid = False
        self._errors = None  # the form's error summary is gathered again, with these
        return valid


def field_groups(form: FlaskForm) -> list[FieldGroup]:
    """The plugins' fields of an extended form, one group per plugin."""
    return [
        FieldGroup(part.plugin, part.extension.legend, list(part.bound(form).values()))
        for part in getattr(form, "extension_parts", [])
    ]


def extension_values(form: FlaskForm) -> ExtensionValues:
    """The validated values of the plugins' fields, for the core operation to save.

    A plugin whose ``check`` failed is left out: values it could not check are not saved.
    """
    unchecked = getattr(form, "unchecked", set())
    return ExtensionValues(
        [
            (part.extension, {name: bound.data for name, bound in part.bound(form).items()})
            for part in getattr(form, "extension_parts", [])
            if part.plugin not in unchecked
        ]
    )
