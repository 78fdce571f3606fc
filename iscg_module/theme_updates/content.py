"""The content of a theme update, checked before it reaches the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from iscg_module.operation_refused import OperationRefused
from iscg_module.theme_updates.models import (
    BODY_MAX,
    LINK_LABEL_MAX,
    LINK_URL_MAX,
    LINKS_MAX,
    TITLE_MAX,
)


class ContentError(OperationRefused):
    """Content that no update may hold."""


@dataclass(frozen=True)
class DocumentLink:
    """A document the update refers to: its symbol or title, and where to read it."""

    label: str
    url: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"label": self.label, "url": self.url}


@dataclass(frozen=True)
class UpdateContent:
    title: str
    period_start: date
    period_end: date
    body: str
    links: tuple[DocumentLink, ...] = ()

    def __post_init__(self) -> None:
        if not self.title.strip() or len(self.title) > TITLE_MAX:
            raise ContentError(f"A title is required, of at most {TITLE_MAX} characters.")
        if self.period_end < self.period_start:
            raise ContentError("The reporting period cannot end before it starts.")
        if not self.body.strip() or len(self.body) > BODY_MAX:
            raise ContentError(f"The update needs a text of at most {BODY_MAX} characters.")
        check_links(self.links)

    @classmethod
    def of(cls, source: Any) -> UpdateContent:
        """The content an update (or one of its versions) holds."""
        links = tuple(DocumentLink(item["label"], item.get("url")) for item in source.links)
        return cls(source.title, source.period_start, source.period_end, source.body, links)

    def apply_to(self, target: Any) -> None:
        target.title, target.body = self.title.strip(), self.body
        target.period_start, target.period_end = self.period_start, self.period_end
        target.links = [link.as_json() for link in self.links]


def parse_links(text: str) -> tuple[DocumentLink, ...]:
    """One link per line: a symbol or title, then optionally its http(s) address.

    ``ISCG/21-2/04-2 https://www.itu.int/md/…`` or just ``ISCG/21-2/INF-1``.
    """
    links = []
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        if _looks_like_address(words[-1]):
            links.append(DocumentLink(" ".join(words[:-1]) or words[-1], words[-1]))
        else:
            links.append(DocumentLink(" ".join(words)))
    return tuple(links)


def links_as_text(links: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{item['label']} {item['url']}" if item.get("url") else item["label"] for item in links
    )


def _looks_like_address(word: str) -> bool:
    return "://" in word


def check_links(links: tuple[DocumentLink, ...]) -> None:
    """Refuse too many links, a missing or long label, or an address that is not http(s)."""
    if len(links) > LINKS_MAX:
        raise ContentError(f"At most {LINKS_MAX} document links.")
    for link in links:
        _check_link(link)


def _check_link(link: DocumentLink) -> None:
    if not link.label or len(link.label) > LINK_LABEL_MAX:
        raise ContentError(f"A document link needs a label of at most {LINK_LABEL_MAX} characters.")
    if link.url is None:
        return
    parts = urlsplit(link.url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(link.url) > LINK_URL_MAX:
        raise ContentError(f"{link.url!r} is not an http or https address.")
