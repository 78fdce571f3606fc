"""One operation, one transaction: the outermost commits, inner ones join, a raise keeps none."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from iscg_module.audit.models import AuditEntry
from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.auth.oidc_client import ProviderIdentity
from iscg_module.auth.operations import sign_in_from_provider
from iscg_module.database.unit_of_work import (
    CommitInsideOperation,
    DoomedTransaction,
    after_commit,
    in_operation,
    transactional,
)
from iscg_module.events import CoreEvent, subscribe
from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting
from iscg_module.testing.accounts import make_focal_point
from iscg_module.testing.factories import make_meeting, make_update, update_content
from iscg_module.theme_updates import operations as theme_updates
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.theme_updates.operations import Draft, UpdateRuleError
from iscg_module.themes.models import Theme
from iscg_module.users.models import User
from iscg_module.users.operations import ensure_user, grant_product_role
from iscg_module.users.roles import Role


@pytest.fixture
def commits(app) -> Iterator[list[str]]:
    """The commits the session makes while the test runs (one entry each)."""
    made: list[str] = []

    def count(session: Session) -> None:
        made.append("commit")

    event.listen(Session, "after_commit", count)
    yield made
    event.remove(Session, "after_commit", count)


@pytest.fixture
def focal_point(app) -> User:
    return make_focal_point("Focal Point", "accessibility")


@pytest.fixture
def theme(focal_point) -> Theme:
    return db.session.scalar(select(Theme).where(Theme.slug == "accessibility"))


def _count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_an_operation_that_commits_inside_another_is_refused_and_saves_nothing(app):
    @transactional
    def inner() -> None:
        ensure_user(DEVELOPMENT_ISSUER, "inner", None, "Inner")
        db.session.commit()

    @transactional
    def outer() -> None:
        ensure_user(DEVELOPMENT_ISSUER, "outer", None, "Outer")
        inner()

    before = _count(User)
    with pytest.raises(CommitInsideOperation):
        outer()
    assert _count(User) == before


def test_an_outermost_operation_that_commits_itself_is_refused_too(app):
    @transactional
    def commits_early() -> None:
        ensure_user(DEVELOPMENT_ISSUER, "early", None, "Early")
        db.session.commit()

    with pytest.raises(CommitInsideOperation):
        commits_early()
    assert db.session.scalar(select(User).where(User.subject == "early")) is None


def test_granting_a_product_role_is_one_commit_with_its_inner_grant(app, admin, commits, theme):
    member = ensure_user(DEVELOPMENT_ISSUER, "someone", None, "Someone")
    commits.clear()
    grant_product_role(admin, member, Role.FOCAL_POINT, theme=theme)
    assert commits == ["commit"]
    assert member.is_focal_point_of(theme.slug)


def test_signing_in_from_the_provider_is_one_commit(app, commits):
    identity = ProviderIdentity(
        issuer="https://id.example.org", subject="abc", email="a@example.org", name="A",
        roles_claim=None, id_token="",
    )  # fmt: skip
    sign_in_from_provider(identity, {Role.CHAIR}, timedelta(hours=1))
    assert commits == ["commit"]


def test_an_inner_operation_that_raises_dooms_the_outer_even_if_it_is_caught(app):
    @transactional
    def refuses() -> None:
        ensure_user(DEVELOPMENT_ISSUER, "half", None, "Half")
        raise ValueError("no")

    @transactional
    def carries_on() -> None:
        ensure_user(DEVELOPMENT_ISSUER, "whole", None, "Whole")
        with contextlib.suppress(ValueError):
            refuses()

    before = _count(User)
    with pytest.raises(DoomedTransaction):
        carries_on()
    assert _count(User) == before


def test_save_and_submit_refused_at_submission_saves_no_draft(app, focal_point, theme, commits):
    def refuse(*_: object) -> None:
        raise UpdateRuleError("refused at submission")

    original = theme_updates._keep_version
    calls = iter([original, refuse])

    def keep_version(*args: object, **kwargs: object) -> None:
        next(calls)(*args, **kwargs)

    theme_updates._keep_version = keep_version  # type: ignore[assignment]
    try:
        with pytest.raises(UpdateRuleError):
            theme_updates.save_and_submit(focal_point, theme, Draft(_content()))
    finally:
        theme_updates._keep_version = original  # type: ignore[assignment]
    assert _count(ThemeUpdate) == 0
    assert commits == []


def test_save_and_submit_is_one_commit(app, focal_point, theme, commits):
    update = theme_updates.save_and_submit(focal_point, theme, Draft(_content()))
    assert update.status is UpdateStatus.SUBMITTED
    assert [version.action.value for version in update.versions] == ["saved", "submitted"]
    assert commits == ["commit"]


def test_after_commit_work_waits_for_the_outermost_commit(app, admin):
    ran: list[bool] = []

    @transactional
    def inner() -> None:
        after_commit(lambda: ran.append(in_operation()))
        assert ran == []

    @transactional
    def outer() -> None:
        inner()
        assert ran == []

    outer()
    assert ran == [False]


def test_after_commit_work_is_dropped_on_rollback(app):
    ran: list[str] = []

    @transactional
    def fails() -> None:
        after_commit(lambda: ran.append("ran"))
        raise ValueError("no")

    with pytest.raises(ValueError):
        fails()

    @transactional
    def succeeds() -> None:
        pass

    succeeds()
    assert ran == []


def test_events_reach_subscribers_after_the_commit_and_a_failing_one_undoes_nothing(
    app, admin, caplog
):
    heard: list[tuple[str, bool, int]] = []

    def breaks(event: CoreEvent, payload: dict[str, object]) -> None:
        raise RuntimeError("a subscriber's own bug")

    def listens(event: CoreEvent, payload: dict[str, object]) -> None:
        stored = db.session.get(Meeting, payload["meeting_id"])
        heard.append((event.value, in_operation(), stored.revision if stored else -1))

    subscribe(CoreEvent.MEETING_SCHEDULED, breaks)
    subscribe(CoreEvent.MEETING_SCHEDULED, listens)
    with caplog.at_level(logging.ERROR):
        meeting = make_meeting(actor=admin)
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id) is not None
    assert heard == [("meeting.scheduled", False, 0)]
    assert "a subscriber of meeting.scheduled failed" in caplog.text


def test_a_failed_operation_leaves_no_audit_entry(app, focal_point, theme):
    update = make_update(theme, focal_point, status=UpdateStatus.PUBLISHED)
    entries = _count(AuditEntry)
    with pytest.raises(UpdateRuleError):
        theme_updates.submit_update(focal_point, update)
    assert _count(AuditEntry) == entries


def _content():
    return update_content()
