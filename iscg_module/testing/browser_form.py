"""A form read from a page as a browser would send it: every field with its current value.

Tests that must send a form exactly as it was opened (its CSRF token, the revision it was
opened at, every prefilled answer) read it with ``form_on_page`` and change only what the
person would change.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

UNSENT_INPUTS = frozenset({"submit", "button", "file", "reset", "image"})


class _FormReader(HTMLParser):
    """The values of the fields of the first post form sent to ``action`` (or to the page)."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.inside = False
        self.done = False
        self.values: dict[str, list[str]] = {}
        self.textareas: set[str] = set()
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form" and not self.done:
            wanted = found.get("action", "") in (self.action, "")
            self.inside = wanted and found.get("method", "").lower() == "post"
        elif self.inside:
            self._field(tag, found)

    def _field(self, tag: str, found: dict[str, str]) -> None:
        name = found.get("name")
        if tag == "input" and name:
            kind = found.get("type", "text").lower()
            if kind in UNSENT_INPUTS or (kind in ("radio", "checkbox") and "checked" not in found):
                return
            default = "on" if kind == "checkbox" else ""
            self.values.setdefault(name, []).append(found.get("value", default))
        elif tag == "textarea" and name:
            self._textarea = name
            self.textareas.add(name)
            self.values[name] = [""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in found:
            self.values[self._select] = [found.get("value", "")]

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_on_page(html: str, action: str) -> dict[str, Any]:
    """The fields and values of the page's post form sent to ``action`` (the page's own
    address, for a form without an ``action``).

    A textarea's first newline is dropped, as browsers do; a field with several values (a
    list of ticked boxes) gives a list.
    """
    reader = _FormReader(action)
    reader.feed(html)
    values: dict[str, Any] = {}
    for name, found in reader.values.items():
        if name in reader.textareas:
            text = found[0]
            values[name] = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
        else:
            values[name] = found[0] if len(found) == 1 else found
    return values
