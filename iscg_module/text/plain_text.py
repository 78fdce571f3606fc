"""The one rule for text that people type: which characters a line, or a longer text, may hold.

A single line (a title, a name, an address) holds no line break and no control character;
a longer text holds line breaks and tabs but no other control character. Forms refuse what
breaks the rule, naming the field (``web/trimmed_form.py`` applies it to every text field);
the builders of feeds and exports also drop such characters from whatever the database
holds, so that no stored value can break a calendar, an Atom feed or a CSV file.
"""

from __future__ import annotations

import unicodedata

# Line and paragraph separators end a line as surely as a newline does.
LINE_BREAKS = {"\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"}
KEPT_IN_LONGER_TEXT = {"\n", "\t"}


def is_control(character: str) -> bool:
    return unicodedata.category(character) == "Cc" or character in LINE_BREAKS


def first_forbidden(text: str, multi_line: bool) -> str | None:
    """The first character the rule refuses in ``text``, or None."""
    allowed = KEPT_IN_LONGER_TEXT if multi_line else set()
    return next((c for c in text if is_control(c) and c not in allowed), None)


def describe(character: str) -> str:
    """How a message names a character: "a line break" or "the control character U+0001"."""
    if character in LINE_BREAKS:
        return "a line break"
    if character == "\t":
        return "a tab"
    return f"the control character U+{ord(character):04X}"


def one_line(text: str) -> str:
    """``text`` as a single line: line breaks and control characters become single spaces."""
    return " ".join("".join(" " if is_control(c) else c for c in text).split())


def printable(text: str) -> str:
    """``text`` as a longer text may hold it: every line break a newline, no other control."""
    kept = []
    for character in text.replace("\r\n", "\n"):
        if character in KEPT_IN_LONGER_TEXT:
            kept.append(character)
        elif character in LINE_BREAKS:
            kept.append("\n")
        elif not is_control(character):
            kept.append(character)
    return "".join(kept)
