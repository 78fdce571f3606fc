"""The climate plugin's forms: an indicator's definition, and its value over one period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from iscg_climate.indicators import (
    DIRECTION_LABELS,
    IndicatorDetails,
    ValueDetails,
    indicator_values,
    is_percent,
    value_problem,
    value_values,
)
from iscg_climate.models import (
    DESCRIPTION_MAX,
    NAME_MAX,
    NOTE_MAX,
    SOURCE_MAX,
    UNIT_MAX,
    Direction,
    Indicator,
    IndicatorValue,
)
from wtforms import DateField, DecimalField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from iscg_module.platform.api import RevisionField, TrimmedForm, plausible_date

NOT_A_NUMBER = "Give the value as a number, for example 1250 or 37.5."


class IndicatorForm(TrimmedForm):
    revision = RevisionField()
    name = StringField(
        "Name", description="For example: Emissions from staff and delegate travel.",
        validators=[DataRequired(), Length(max=NAME_MAX)],
    )  # fmt: skip
    unit = StringField(
        "Unit", description="For example tCO2e, % or pages. A share in % is at most 100.",
        validators=[DataRequired(), Length(max=UNIT_MAX)],
    )  # fmt: skip
    direction = RadioField(
        "Which way is greener",
        choices=[SelectChoice(way.value, label.capitalize())
                 for way, label in DIRECTION_LABELS.items()],
        validators=[InputRequired(message="Say whether lower or higher values are better.")],
    )  # fmt: skip
    description = TextAreaField(
        "Description", description="What is measured and how.",
        validators=[Optional(), Length(max=DESCRIPTION_MAX)],
    )  # fmt: skip

    @classmethod
    def of(cls, indicator: Indicator) -> IndicatorForm:
        """The form filled with ``indicator``, as its edit page shows it, at its revision."""
        form = cls(obj=indicator, direction=indicator.direction.value)
        form.revision.open(indicator_values(indicator))
        return form

    @property
    def details(self) -> IndicatorDetails:
        return IndicatorDetails(
            self.name.data, self.unit.data, Direction(self.direction.data),
            self.description.data or "",
        )  # fmt: skip


class MeasureField(DecimalField):
    """A decimal number typed as text (no spinner, any locale's keyboard); its refusal says
    what to type."""

    widget = TextInput()

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(NOT_A_NUMBER) from error

    def _value(self) -> str:
        if isinstance(self.data, Decimal) and self.data.is_finite() and not self.raw_data:
            return f"{self.data.normalize():f}"
        return super()._value()


class ValueForm(TrimmedForm):
    """An indicator's value over one period; the indicator's unit bounds it."""

    revision = RevisionField()
    period_start = DateField("Period from", validators=[InputRequired(), plausible_date])
    period_end = DateField("Period to", validators=[InputRequired(), plausible_date])
    value = MeasureField("Value", places=None, validators=[InputRequired(message=NOT_A_NUMBER)])
    source = StringField(
        "Source", description="Where the figure comes from, for example ISCG/21-2/INF-1.",
        validators=[Optional(), Length(max=SOURCE_MAX)],
    )  # fmt: skip
    note = TextAreaField("Note", validators=[Optional(), Length(max=NOTE_MAX)])

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.value.label.text = f"Value, in {indicator.unit}"
        limit = "from 0 to 100" if is_percent(indicator.unit) else "0 or more"
        self.value.description = f"A number {limit}, with at most 4 decimals."

    def validate_period_end(self, field: DateField) -> None:
        if field.data and self.period_start.data and field.data < self.period_start.data:
            raise ValidationError("The period cannot end before it starts.")

    def validate_value(self, field: MeasureField) -> None:
        if isinstance(field.data, Decimal):
            problem = value_problem(field.data, self.indicator.unit)
            if problem:
                raise ValidationError(problem)

    @classmethod
    def of(cls, recorded: IndicatorValue) -> ValueForm:
        form = cls(obj=recorded, indicator=recorded.indicator)
        form.revision.open(value_values(recorded))
        return form

    @property
    def details(self) -> ValueDetails:
        return ValueDetails(
            self.period_start.data, self.period_end.data, self.value.data,
            self.source.data or "", self.note.data or "",
        )  # fmt: skip
