"""One operation, one transaction: the outermost operation commits, the ones it calls join it.

Every function that changes state is decorated with :func:`transactional`. When it is
called while no operation is running, it is the outermost: it commits when it returns and
rolls everything back when it raises. Called from inside another operation, it commits
nothing and joins that transaction. An inner operation that raises dooms the transaction:
the outermost refuses to commit even if it caught the error, so what raised leaves nothing
behind.

Work that must see the committed state (delivering events, forgetting caches) is queued
with :func:`after_commit` and runs once the outermost commit succeeded; it is dropped on
rollback. A commit called inside an operation by anything but the outermost is refused,
so an operation cannot commit part of another's change.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from iscg_module.extensions import db

P = ParamSpec("P")
R = TypeVar("R")
logger = logging.getLogger(__name__)

_DEPTH = "iscg_operation_depth"
_DOOMED = "iscg_operation_doomed"
_COMMITTING = "iscg_operation_committing"
_AFTER_COMMIT = "iscg_after_commit"


class CommitInsideOperation(RuntimeError):
    """Something committed while an operation was in progress; only the outermost may."""


class DoomedTransaction(RuntimeError):
    """An operation inside this one raised; its transaction is rolled back, not committed."""


def transactional(operation: Callable[P, R]) -> Callable[P, R]:
    """Make ``operation`` commit whole when outermost, and join the caller's otherwise."""

    @functools.wraps(operation)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        session = db.session()
        depth = session.info.get(_DEPTH, 0)
        session.info[_DEPTH] = depth + 1
        try:
            result = operation(*args, **kwargs)
            if depth == 0:
                _commit(session)
        except BaseException:
            if depth == 0:
                _roll_back(session)
            else:
                session.info[_DOOMED] = True
            raise
        finally:
            session.info[_DEPTH] = depth
        if depth == 0:
            _run_after_commit(session)
        return result

    return run


def in_operation() -> bool:
    """Whether an operation is in progress in the current session."""
    return bool(db.session().info.get(_DEPTH, 0))


def after_commit(work: Callable[[], Any]) -> None:
    """Run ``work`` once the running operation has committed (at once if none is running).

    Each piece of work is isolated: one that raises is logged and the others still run,
    and the committed change stands.
    """
    session = db.session()
    if not session.info.get(_DEPTH, 0):
        _run_isolated(work)
        return
    session.info.setdefault(_AFTER_COMMIT, []).append(work)


def _commit(session: Session) -> None:
    if session.info.pop(_DOOMED, False):
        raise DoomedTransaction("an operation inside this one failed; nothing was saved")
    session.info[_COMMITTING] = True
    try:
        session.commit()
    finally:
        session.info[_COMMITTING] = False


def _roll_back(session: Session) -> None:
    session.rollback()
    session.info.pop(_DOOMED, None)
    session.info.pop(_AFTER_COMMIT, None)


def _run_after_commit(session: Session) -> None:
    for work in session.info.pop(_AFTER_COMMIT, []):
        _run_isolated(work)


def _run_isolated(work: Callable[[], Any]) -> None:
    try:
        work()
    except Exception:
        logger.exception("work after a commit failed; the change itself is saved")


@event.listens_for(Session, "before_commit")
def _refuse_inner_commit(session: Session) -> None:
    if session.info.get(_DEPTH, 0) and not session.info.get(_COMMITTING):
        raise CommitInsideOperation(
            "commit() was called inside an operation; the outermost operation commits"
        )
