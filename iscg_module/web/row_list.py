"""Repeatable rows of a form, with a stated cap on how many one submission may carry.

WTForms' ``FieldList`` builds and validates every row a request names, so a request naming
twenty thousand rows costs twenty thousand forms. A ``RowList`` counts the rows named (one
pass over the submitted names), builds no more than ``max_rows`` of them, and refuses the
submission by name when it named more: nothing is saved, and the cost is bounded whatever
is sent. Every repeatable row in the core's and the plugins' forms is a ``RowList``.
"""

from __future__ import annotations

from typing import Any

from wtforms import FieldList
from wtforms.utils import unset_value
from wtforms.validators import ValidationError


class RowList(FieldList):
    def __init__(self, unbound_field: Any, label: str | None = None,
                 validators: list[Any] | None = None, *, max_rows: int,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(unbound_field, label, [self._refuse_extra_rows, *(validators or ())],
                         max_entries=max_rows, **kwargs)  # fmt: skip
        self.max_rows = max_rows
        self.rows_sent = 0

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        self.rows_sent = len(set(self._extract_indices(self.name, formdata))) if formdata else 0
        super().process(formdata, data, extra_filters)

    def _refuse_extra_rows(self, _form: Any, _field: Any) -> None:
        if self.rows_sent > self.max_rows:
            raise ValidationError(
                f"{self.label.text}: at most {self.max_rows} rows can be sent at once, "
                f"and this form sent {self.rows_sent:,}."
            )
