"""Cells of the activities export: no control character, and no formula, whatever is stored."""

from __future__ import annotations

import pytest
from iscg_ai.csv_export import safe_cell


@pytest.mark.parametrize(
    ("stored", "cell"),
    [
        ("Plain\x00 title\x1b", "Plain title"),
        ("\x01=SUM(A1)", "'=SUM(A1)"),  # the control goes first, so the formula is still seen
        ("Line one\r\nline two", "Line one\nline two"),
        ("Tab\tkept", "Tab\tkept"),
        ("Separated\u2028lines", "Separated\nlines"),
    ],
)
def test_a_cell_holds_no_control_and_no_formula(stored, cell):
    assert safe_cell(stored) == cell
