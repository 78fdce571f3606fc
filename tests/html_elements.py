"""The elements a browser would build from an HTML text, for tests about what can run."""

from __future__ import annotations

from html.parser import HTMLParser

Element = tuple[str, dict[str, str | None]]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements_of(html: str) -> list[Element]:
    collector = _Collector()
    collector.feed(html)
    return collector.found
