"""Items of the accessibility theme and the steps of their path, each dated, with who and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from iscg_accessibility.models import Item, ItemKind, ItemStatus, StatusChange
from sqlalchemy import case, select

from iscg_module.platform.api import OperationRefused, db, record_audit, transactional

DECISIONS = (ItemStatus.APPROVED, ItemStatus.REJECTED, ItemStatus.DEFERRED)
NEXT_STEPS: dict[ItemStatus, tuple[ItemStatus, ...]] = {
    ItemStatus.PROPOSED: (ItemStatus.IN_PREPARATION,),
    ItemStatus.IN_PREPARATION: (ItemStatus.SUBMITTED,),
    ItemStatus.SUBMITTED: DECISIONS,
    ItemStatus.DEFERRED: (ItemStatus.IN_PREPARATION, ItemStatus.SUBMITTED),
    ItemStatus.APPROVED: (),
    ItemStatus.REJECTED: (),
}
STATUS_LABELS = {
    ItemStatus.PROPOSED: "proposed",
    ItemStatus.IN_PREPARATION: "in preparation",
    ItemStatus.SUBMITTED: "submitted",
    ItemStatus.APPROVED: "decided: approved",
    ItemStatus.REJECTED: "decided: rejected",
    ItemStatus.DEFERRED: "decided: deferred",
}


class ItemRuleError(OperationRefused):
    """A change the item's path does not allow."""


@dataclass(frozen=True)
class ItemDetails:
    kind: ItemKind
    title: str
    owner: str
    target_body: str
    target_date: date | None
    description: str = ""


@transactional
def record_item(actor: Any, details: ItemDetails, on_day: date, reason: str) -> Item:
    """Record a proposed item; its path starts with this first, dated step."""
    item = Item(status=ItemStatus.PROPOSED, **asdict(details))
    db.session.add(item)
    item.changes.append(_step(actor, None, ItemStatus.PROPOSED, on_day, reason))
    db.session.flush()
    record_audit(actor, "accessibility.item_recorded", "accessibility_item", item.id)
    return item


@transactional
def move_item(actor: Any, item: Item, status: ItemStatus, on_day: date, reason: str) -> Item:
    """Take ``item`` one step along its path, on ``on_day``, saying why."""
    if status not in NEXT_STEPS[item.status]:
        raise ItemRuleError(
            f"An item {STATUS_LABELS[item.status]} cannot become {STATUS_LABELS[status]}."
        )
    last_day = item.changes[-1].on_day if item.changes else None
    if last_day is not None and on_day < last_day:
        raise ItemRuleError(f"This step cannot be dated before the last one ({last_day}).")
    item.changes.append(_step(actor, item.status, status, on_day, reason))
    item.status = status
    record_audit(actor, "accessibility.item_moved", "accessibility_item", item.id,
                 status=status.value)  # fmt: skip
    return item


def _step(
    actor: Any, before: ItemStatus | None, after: ItemStatus, on_day: date, reason: str
) -> StatusChange:
    if not reason.strip():
        raise ItemRuleError("Say why: every step of an item's path is explained.")
    return StatusChange(
        from_status=before, to_status=after, on_day=on_day, reason=reason.strip(),
        changed_by_id=actor.id if actor else None,
    )  # fmt: skip


def all_items() -> list[Item]:
    """Open items first (by target date), then decided ones."""
    decided = case((Item.status.in_([ItemStatus.APPROVED, ItemStatus.REJECTED]), 1), else_=0)
    query = select(Item).order_by(decided, Item.target_date.is_(None), Item.target_date, Item.id)
    return list(db.session.scalars(query))


def item_by_title(title: str) -> Item | None:
    return db.session.scalar(select(Item).where(Item.title == title))


def changes_between(first_day: date, last_day: date) -> list[StatusChange]:
    """The steps dated within the period, with their items, in date order."""
    query = (
        select(StatusChange)
        .where(StatusChange.on_day >= first_day, StatusChange.on_day <= last_day)
        .order_by(StatusChange.on_day, StatusChange.id)
    )
    return list(db.session.scalars(query))
