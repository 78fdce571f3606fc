"""A WTForms validator for the plausible dates of ``plausible_dates.py``, for dates and times."""

from __future__ import annotations

from typing import Any

from wtforms.validators import ValidationError

from iscg_module.plausible_dates import RANGE_MESSAGE, is_plausible


def plausible_date(_form: Any, field: Any) -> None:
    """An empty field passes; a date, or date and time, before 2000 or after 2100 does not."""
    if field.data and not is_plausible(field.data):
        raise ValidationError(RANGE_MESSAGE)
