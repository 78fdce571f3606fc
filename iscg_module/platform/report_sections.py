"""Sections that enabled plugins contribute to the progress report of a period.

A section is Markdown, so that the report can become HTML, Markdown or a word-processor
document from the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iscg_module.platform.gate import plugin_registry


@dataclass(frozen=True)
class ReportPeriod:
    """The days a progress report covers, both included."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError("a report period cannot end before it starts")

    def __contains__(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class ReportSection:
    """A titled part of the report; ``order`` places it among the others (lower first)."""

    title: str
    markdown: str
    order: int = 100


@dataclass(frozen=True)
class ContributedSection:
    plugin: str
    section: ReportSection


def report_sections(period: ReportPeriod) -> list[ContributedSection]:
    """The enabled plugins' sections for ``period``, by order and then title."""
    contributed = [
        ContributedSection(plugin, section)
        for plugin, sections in plugin_registry().contributions(
            "iscg_report_sections", period=period
        )
        for section in sections
    ]
    return sorted(contributed, key=lambda item: (item.section.order, item.section.title))
