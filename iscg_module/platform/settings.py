"""Typed plugin settings: each kind knows its form field, its limits and how it is stored.

A plugin declares its settings; the core generates the settings form from them, keeps the
values in ``plugin_settings`` and hands plugins typed values. Values are read with the
plugin switches (once a second per worker), so reading a setting costs no query.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from wtforms import BooleanField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from iscg_module.operation_refused import OperationRefused


class SettingValueError(OperationRefused):
    """A setting value outside what the setting allows."""


@dataclass(frozen=True)
class Setting(ABC):
    """What every kind of setting has: a name unique in the plugin, a label, a default."""

    name: str
    label: str
    default: Any
    description: str = ""

    @abstractmethod
    def field(self) -> UnboundField:
        """The form field that edits this setting, with its limits as validators."""

    @abstractmethod
    def clean(self, value: Any) -> Any:
        """``value`` as this setting's type, or SettingValueError naming what is wrong."""

    def _refuse(self, reason: str) -> SettingValueError:
        return SettingValueError(f"{self.label}: {reason}")


@dataclass(frozen=True)
class TextSetting(Setting):
    default: str = ""
    max_length: int = 200
    required: bool = False

    def field(self) -> UnboundField:
        presence = InputRequired() if self.required else Optional()
        limits = [presence, Length(max=self.max_length)]
        return StringField(self.label, description=self.description, validators=limits)

    def clean(self, value: Any) -> str:
        text = "" if value is None else str(value).strip()
        if self.required and not text:
            raise self._refuse("a value is required.")
        if len(text) > self.max_length:
            raise self._refuse(f"at most {self.max_length} characters.")
        return text


@dataclass(frozen=True)
class NumberSetting(Setting):
    default: int = 0
    minimum: int = 0
    maximum: int = 1_000_000

    def field(self) -> UnboundField:
        limits = [InputRequired(), NumberRange(min=self.minimum, max=self.maximum)]
        return IntegerField(self.label, description=self.description, validators=limits)

    def clean(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._refuse("a whole number is required.")
        if not self.minimum <= value <= self.maximum:
            raise self._refuse(f"between {self.minimum} and {self.maximum}.")
        return value


@dataclass(frozen=True)
class FlagSetting(Setting):
    default: bool = False

    def field(self) -> UnboundField:
        return BooleanField(self.label, description=self.description)

    def clean(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise self._refuse("yes or no.")
        return value


@dataclass(frozen=True)
class ChoiceSetting(Setting):
    default: str = ""
    choices: tuple[tuple[str, str], ...] = ()

    def field(self) -> UnboundField:
        return SelectField(
            self.label, description=self.description,
            choices=[SelectChoice(key, label) for key, label in self.choices],
            validators=[InputRequired()],
        )  # fmt: skip

    def clean(self, value: Any) -> str:
        if value not in {key for key, _ in self.choices}:
            raise self._refuse("choose one of the offered values.")
        return value


def typed_values(declared: list[Setting], stored: dict[str, Any]) -> dict[str, Any]:
    """Every declared setting's value: the stored one if still valid, else its default.

    A stored value can stop fitting when a new plugin version narrows a setting; the
    product then falls back to the default rather than failing.
    """
    values = {}
    for setting in declared:
        try:
            values[setting.name] = setting.clean(stored.get(setting.name, setting.default))
        except SettingValueError:
            values[setting.name] = setting.default
    return values
