"""The theme's published updates, and the documents they link (such as ISCG/21-2/INF-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from iscg_module.platform.api import published_theme_updates

THEME = "climate-change"


@dataclass(frozen=True)
class LinkedDocument:
    """A document symbol or title, where to read it, and the updates that link it."""

    label: str
    url: str | None
    updates: tuple[Any, ...]

    @property
    def is_information_document(self) -> bool:
        return "/INF-" in self.label.upper()


def theme_updates(first_day: date | None = None, last_day: date | None = None) -> list[Any]:
    """The theme's published updates (those reporting on the days given), oldest first."""
    return published_theme_updates(THEME, first_day, last_day)


def linked_documents(updates: list[Any]) -> list[LinkedDocument]:
    """Each document the updates link, once, information documents first, in order of mention."""
    found: dict[str, tuple[str | None, list[Any]]] = {}
    for update in updates:
        for link in update.links:
            url, linking = found.setdefault(link["label"], (link.get("url"), []))
            if update not in linking:
                linking.append(update)
            if url is None and link.get("url"):
                found[link["label"]] = (link["url"], linking)
    documents = [LinkedDocument(label, url, tuple(ups)) for label, (url, ups) in found.items()]
    return sorted(documents, key=lambda document: not document.is_information_document)
