"""What changed from one published AI report to a later one.

Activities are matched by sector, group and title; a matched activity whose status moved
to "closed" is closed, any other move of its status is a change of status.
"""

from __future__ import annotations

from dataclasses import dataclass

from iscg_ai.models import Activity, ActivityStatus
from iscg_ai.reports import PublishedReport, match_key


@dataclass(frozen=True)
class StatusMove:
    activity: Activity
    before: ActivityStatus


@dataclass(frozen=True)
class Changes:
    earlier: PublishedReport
    later: PublishedReport
    added: list[Activity]
    closed: list[StatusMove]
    moved: list[StatusMove]
    dropped: list[Activity]

    @property
    def terms_changed(self) -> bool:
        return self.earlier.terms_of_reference != self.later.terms_of_reference

    @property
    def any(self) -> bool:
        return bool(self.added or self.closed or self.moved or self.dropped or self.terms_changed)


def changes_between(earlier: PublishedReport, later: PublishedReport) -> Changes:
    before = {match_key(item): item for item in earlier.activities}
    after = {match_key(item): item for item in later.activities}
    added, closed, moved = [], [], []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            added.append(item)
        elif old.status != item.status:
            kind = closed if item.status == ActivityStatus.CLOSED else moved
            kind.append(StatusMove(item, old.status))
    dropped = [item for key, item in before.items() if key not in after]
    return Changes(earlier, later, added, closed, moved, dropped)
