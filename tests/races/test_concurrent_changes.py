"""Changes that arrive at once, on PostgreSQL behind two gunicorn workers: none is lost,
none answers 500, and every record ends in a state its history explains.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from flask import Flask
from sqlalchemy import func, select

from iscg_module import create_app
from iscg_module.audit.models import AuditEntry
from iscg_module.database.utc_datetime import utc_now
from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting, Registration
from iscg_module.testing.accounts import make_focal_point, make_user
from iscg_module.testing.browser_form import form_on_page
from iscg_module.testing.factories import make_meeting, make_update
from iscg_module.testing.fixtures import new_postgresql_database
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.users.roles import Role
from tests.served_product import (
    SECRET_KEY,
    Server,
    environment_for,
    field_value,
    migrate,
    pids_of_posts,
    served,
    signed_in,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgresql]

MEMBERS = 50
ROUNDS = 8
EDITORS = 6


@dataclass(frozen=True)
class Site:
    app: Flask
    meeting_id: int
    member_ids: list[int]
    update_id: int
    writer_id: int
    admin_id: int


@pytest.fixture
def database() -> Iterator[str]:
    yield from new_postgresql_database("iscg_races")


@pytest.fixture
def site(database: str) -> Iterator[Site]:
    environment = environment_for(database)
    migrate(environment)
    app = create_app(
        {"ISCG_ENV": "testing", "SECRET_KEY": SECRET_KEY, "SQLALCHEMY_DATABASE_URI": database}
    )
    with app.app_context():
        meeting = make_meeting(title="Meeting everyone registers for at once")
        members = [make_user(f"Member {number}").id for number in range(MEMBERS)]
        writer = make_focal_point("Racing Writer", "accessibility")
        update = make_update(writer.role_grants[0].theme, writer, UpdateStatus.SUBMITTED)
        admin = make_user("Racing Admin", Role.ADMIN)
        made = Site(app, meeting.id, members, update.id, writer.id, admin.id)
        db.session.remove()
    yield made
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def server(site: Site, database: str, tmp_path: Path) -> Iterator[Server]:
    with served(environment_for(database), tmp_path) as running:
        yield running


def at_once(calls: list[Callable[[], requests.Response]]) -> list[requests.Response]:
    """Send every call from its own thread, all released together."""
    start = threading.Barrier(len(calls))
    answers: list[requests.Response | BaseException] = [None] * len(calls)  # type: ignore[list-item]

    def run(index: int) -> None:
        start.wait()
        try:
            answers[index] = calls[index]()
        except BaseException as error:
            answers[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    failed = [answer for answer in answers if isinstance(answer, BaseException)]
    assert not failed, failed[0]
    return answers  # type: ignore[return-value]


def posting(
    session: requests.Session, url: str, fields: dict[str, str], page: str | None = None
) -> Callable:
    """A POST of the form at ``url`` (shown on ``page``, if not its own), opened now, to be
    sent later."""
    token = field_value(session.get(page or url, timeout=10).text, "csrf_token")
    payload = {"csrf_token": token, **fields}
    return lambda: session.post(url, data=payload, allow_redirects=False, timeout=30)


def test_fifty_registrations_at_once_make_fifty_rows_and_no_error(site, server):
    url = f"{server.url}/meetings/{site.meeting_id}/registration"
    members = [signed_in(server, member_id) for member_id in site.member_ids]
    calls = [posting(member, url, {"attendance": "online"}) for member in members]
    twice = posting(members[0], url, {"attendance": "online"})  # a double click

    answers = at_once([*calls, twice])

    assert sorted({answer.status_code for answer in answers}) == [302]
    assert pids_of_posts(server.access_log, url.removeprefix(server.url)) == server.workers
    with site.app.app_context():
        rows = db.session.scalar(
            select(func.count()).select_from(Registration)
            .where(Registration.meeting_id == site.meeting_id, Registration.withdrawn_at.is_(None))
        )  # fmt: skip
    assert rows == MEMBERS


def test_submit_and_return_at_once_leave_one_state_and_a_version_per_kept_change(site, server):
    base = f"{server.url}/themes/accessibility/updates/{site.update_id}"
    writer, admin = signed_in(server, site.writer_id), signed_in(server, site.admin_id)
    since = utc_now() - timedelta(seconds=1)
    answers = []
    for _round in range(ROUNDS):
        answers += at_once([
            posting(admin, f"{base}/return", {"comment": "Please add the fund totals."}),
            posting(writer, f"{base}/submit", {}, page=base),
        ])  # fmt: skip
        with site.app.app_context():
            update = db.session.get(ThemeUpdate, site.update_id)
            if update.status is UpdateStatus.RETURNED:
                posting(writer, f"{base}/submit", {}, page=base)()  # the next round: submitted

    assert {answer.status_code for answer in answers} <= {200, 302}
    with site.app.app_context():
        update = db.session.get(ThemeUpdate, site.update_id)
        numbers = [version.number for version in update.versions]
        assert numbers == list(range(1, len(numbers) + 1)) and update.version == numbers[-1]
        assert update.versions[-1].action.value == update.status.value
        kept = db.session.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.subject_id == site.update_id, AuditEntry.at >= since,
                AuditEntry.action.in_(["theme_update.submitted", "theme_update.returned"]),
            )
        )  # fmt: skip
        later = [version for version in update.versions if version.acted_at >= since]
        assert len(later) == kept >= ROUNDS
        for before, after in zip(update.versions, update.versions[1:], strict=False):
            assert (before.action.value, after.action.value) != ("returned", "returned")


def test_saves_of_one_form_sent_at_once_keep_exactly_one(site, server):
    """Each editor opened the meeting at the same revision; all save at the same moment."""
    edit = f"{server.url}/meetings/{site.meeting_id}/edit"
    editors = [signed_in(server, site.admin_id) for _ in range(EDITORS)]
    calls = []
    for number, editor in enumerate(editors):
        fields = form_on_page(editor.get(edit, timeout=10).text, edit.removeprefix(server.url))
        payload = {**fields, "title": f"Title of editor {number}"}
        calls.append(lambda editor=editor, payload=payload: editor.post(
            edit, data=payload, allow_redirects=False, timeout=30))  # fmt: skip

    answers = at_once(calls)

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] * (EDITORS - 1) + [302]
    winner = next(number for number, answer in enumerate(answers) if answer.status_code == 302)
    refused = [answer.text for answer in answers if answer.status_code == 200]
    assert all("saved changes to this record since you opened it" in text for text in refused)
    with site.app.app_context():
        meeting = db.session.get(Meeting, site.meeting_id)
        assert meeting.title == f"Title of editor {winner}"
        assert meeting.revision == 1
