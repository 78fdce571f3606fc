"""One page of a query's rows, and whether another page follows: a fixed two-query cost."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Select

from iscg_module.extensions import db

Row = TypeVar("Row")


def page_of(query: Select[tuple[Row]], page: int, size: int) -> tuple[list[Row], bool]:
    """Rows of page ``page`` (from 1) of ``size`` rows; one extra row tells if more follow."""
    rows = list(db.session.scalars(query.offset((page - 1) * size).limit(size + 1)))
    return rows[:size], len(rows) > size
