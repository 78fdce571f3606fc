"""A date the group's records can hold: a typo such as 1821 or 20211 is refused by name."""

from __future__ import annotations

from datetime import date
from typing import Any

from wtforms.validators import ValidationError

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


def plausible_date(_form: Any, field: Any) -> None:
    """A WTForms validator: an empty field passes, a date before 2000 or after 2100 does not."""
    if field.data and not EARLIEST <= field.data <= LATEST:
        raise ValidationError(f"Give a date between {EARLIEST.year} and {LATEST.year}.")
