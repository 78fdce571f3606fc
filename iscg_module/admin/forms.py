"""The admin forms: granting a role held inside the product, and a plugin's settings."""

from __future__ import annotations

from typing import Any

from wtforms import HiddenField, RadioField, SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, ValidationError

from iscg_module.platform.settings import Setting
from iscg_module.themes.models import Theme
from iscg_module.users.roles import Role, Sector
from iscg_module.web.revision_field import RevisionField
from iscg_module.web.trimmed_form import TrimmedForm

NO_CHOICE = ""


class GrantRoleForm(TrimmedForm):
    role = RadioField(
        "Role",
        choices=[
            SelectChoice(Role.FOCAL_POINT.value, "Focal point of a theme"),
            SelectChoice(Role.COUNSELLOR.value, "Counsellor of a sector"),
        ],
        validators=[DataRequired(), AnyOf([Role.FOCAL_POINT.value, Role.COUNSELLOR.value])],
    )
    theme = SelectField("Theme (for a focal point)", default=NO_CHOICE)
    sector = SelectField(
        "Sector (for a counsellor)",
        default=NO_CHOICE,
        choices=[SelectChoice(NO_CHOICE, "none"),
                 *(SelectChoice(sector.value, sector.value) for sector in Sector)],
    )  # fmt: skip
    submit = SubmitField("Grant the role")

    def __init__(self, *args: object, themes: list[Theme], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.themes = {str(theme.id): theme for theme in themes}
        self.theme.choices = [
            SelectChoice(NO_CHOICE, "none"),
            *(SelectChoice(key, theme.title) for key, theme in self.themes.items()),
        ]

    def validate_theme(self, field: SelectField) -> None:
        if self.role.data == Role.FOCAL_POINT.value and not field.data:
            raise ValidationError("Choose the theme this member is focal point of.")
        if self.role.data == Role.COUNSELLOR.value and field.data:
            raise ValidationError("A counsellor serves a sector, not a theme.")

    def validate_sector(self, field: SelectField) -> None:
        if self.role.data == Role.COUNSELLOR.value and not field.data:
            raise ValidationError("Choose the sector this member is counsellor of.")
        if self.role.data == Role.FOCAL_POINT.value and field.data:
            raise ValidationError("A focal point serves a theme, not a sector.")

    @property
    def chosen(self) -> tuple[Role, Theme | None, Sector | None]:
        theme = self.themes.get(self.theme.data or "")
        sector = Sector(self.sector.data) if self.sector.data else None
        return Role(self.role.data), theme, sector


SETTING_PREFIX = "setting__"


def plugin_settings_form(declared: list[Setting], current: dict[str, Any]) -> TrimmedForm:
    """A form generated from a plugin's declared settings, filled with their values."""
    fields = {f"{SETTING_PREFIX}{setting.name}": setting.field() for setting in declared}
    fields["submit"] = SubmitField("Save settings")
    fields["revision"] = RevisionField(prefix=SETTING_PREFIX)
    form_type = type("PluginSettingsForm", (TrimmedForm,), fields)
    return form_type(data={f"{SETTING_PREFIX}{name}": value for name, value in current.items()})


def submitted_settings(form: TrimmedForm, declared: list[Setting]) -> dict[str, Any]:
    """The settings' values as the validated form holds them."""
    return {setting.name: form[f"{SETTING_PREFIX}{setting.name}"].data for setting in declared}


class PluginSwitchForm(TrimmedForm):
    """The confirmed switch carries the state asked for, not "the opposite of now".

    Two admins confirming on different servers within a second would otherwise undo each
    other; with the state named, the second is told it is already done.
    """

    state = HiddenField(validators=[AnyOf(["enabled", "disabled"])])

    @property
    def enable(self) -> bool:
        return self.state.data == "enabled"
