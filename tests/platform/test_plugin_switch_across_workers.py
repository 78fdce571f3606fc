"""A plugin switched on the admin page follows on every gunicorn worker within a second.

The product runs under gunicorn with two worker processes, each with its own plugin
registry, so the only thing they share is the database. An admin enables, disables and
enables again the example plugin through the admin page (confirmation page, then POST),
while a signed-in member asks for the plugin's page and the home page from several threads
at once, a new connection per request. Every request tags itself with a probe number that
the access log records next to the pid of the worker that served it.

What it proves, for each switch: every answer to a request sent more than one second (plus
a small margin for scheduling) after the admin's POST returned shows the new state: the
plugin's page answers 200 or 404 and the home page's navigation has or lacks the link; and
such answers came from both workers. A note written while the plugin was enabled is on its
page again once it is re-enabled, and the audit log names the admin for each of the three
switches, in order.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from flask import Flask
from sqlalchemy import select

from iscg_example_plugin.models import Note
from iscg_module import create_app
from iscg_module.audit.models import AuditEntry
from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.extensions import db
from iscg_module.testing.fixtures import new_postgresql_database
from iscg_module.users.operations import ensure_user, grant_role
from iscg_module.users.roles import Role, RoleSource
from tests.served_product import (
    SECRET_KEY,
    Server,
    environment_for,
    field_value,
    migrate,
    probe_numbers,
    send_form,
    served,
    served_by,
    signed_in,
)

pytestmark = pytest.mark.slow

PLUGIN, PLUGIN_TITLE = "example", "Example theme"
PAGE, HOME = f"/themes/{PLUGIN}/", "/"
LINK = f'href="{PAGE}"'
NOTE = "Written before the plugin was switched off."
SWITCH_WITHIN = 1.0  # the promise: every worker follows a switch within a second
MARGIN = 0.2  # for request handling and scheduling on a busy machine
WATCH_FOR = 2.5  # seconds of polling after each switch
POLLERS = 4


@dataclass(frozen=True)
class Answer:
    """One request of the member: when it was sent (seconds after the switch) and its answer."""

    probe: int
    path: str
    sent: float
    status: int
    body: str


@dataclass(frozen=True)
class Site:
    """The migrated database, reachable in this process, with an admin and a member."""

    app: Flask
    admin_id: int
    member_id: int


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of this test alone."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'switch.sqlite3'}"
    else:
        yield from new_postgresql_database("iscg_switch")


@pytest.fixture
def environment(database: str) -> dict[str, str]:
    return environment_for(database)


@pytest.fixture
def site(database: str, environment: dict[str, str]) -> Iterator[Site]:
    """Migrate with ``flask db upgrade`` as a deployment does, then add the two accounts."""
    migrate(environment)
    app = create_app(
        {"ISCG_ENV": "testing", "SECRET_KEY": SECRET_KEY, "SQLALCHEMY_DATABASE_URI": database}
    )
    with app.app_context():
        admin = ensure_user(DEVELOPMENT_ISSUER, "switch-admin", "admin@iscg.example", "Admin")
        grant_role(None, admin, Role.ADMIN, RoleSource.PROVIDER)
        member = ensure_user(DEVELOPMENT_ISSUER, "switch-member", "member@iscg.example", "Member")
        made = Site(app, admin.id, member.id)
        db.session.remove()
    yield made
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def server(site: Site, environment: dict[str, str], tmp_path: Path) -> Iterator[Server]:
    with served(environment, tmp_path) as running:
        yield running


def switch(admin: requests.Session, server: Server, action: str) -> float:
    """Confirm and send ``action`` ("Enable" or "Disable") on the admin page; return when done."""
    confirmation = admin.get(f"{server.url}/admin/plugins/{PLUGIN}/switch", timeout=10)
    assert f"<h1>{action} “{PLUGIN_TITLE}”?</h1>" in confirmation.text
    response = admin.post(
        f"{server.url}/admin/plugins/{PLUGIN}/switch",
        data={
            "csrf_token": field_value(confirmation.text, "csrf_token"),
            "state": field_value(confirmation.text, "state"),
        },
        allow_redirects=False,
        timeout=10,
    )
    switched = time.monotonic()
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/admin/plugins")
    return switched


def watch(url: str, cookies: dict[str, str], since: float, seconds: float) -> list[Answer]:
    """Ask for the plugin's page and the home page from several threads until ``seconds``."""
    answers: list[Answer] = []
    failures: list[BaseException] = []

    def poll(first: int) -> None:
        try:
            for turn in itertools.count(first):
                sent = time.monotonic() - since
                if sent >= seconds:
                    return
                path, probe = (PAGE, HOME)[turn % 2], next(probe_numbers)
                response = requests.get(  # a new connection each time
                    f"{url}{path}", params={"probe": probe}, cookies=cookies,
                    allow_redirects=False, timeout=10,
                )  # fmt: skip
                answers.append(Answer(probe, path, sent, response.status_code, response.text))
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=poll, args=(number,)) for number in range(POLLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return answers


def shows(answer: Answer, enabled: bool, note: str | None) -> bool:
    """Whether ``answer`` is what the member sees with the plugin ``enabled``."""
    if answer.path == PAGE:
        if not enabled:
            return answer.status == 404
        return answer.status == 200 and (note is None or note in answer.body)
    return answer.status == 200 and (LINK in answer.body) == enabled


def check_every_worker_follows(
    server: Server, answers: list[Answer], enabled: bool, note: str | None = None
) -> None:
    """After the switch's second (and the margin) every answer, on both workers, is the new one."""
    pids = served_by(server.access_log, [answer.probe for answer in answers])
    late = [answer for answer in answers if answer.sent > SWITCH_WITHIN + MARGIN]
    wrong = [(answer.path, round(answer.sent, 3), answer.status, pids.get(answer.probe))
             for answer in late if not shows(answer, enabled, note)]  # fmt: skip
    assert not wrong, f"{len(wrong)} answers of {len(late)} show the old state: {wrong[:10]}"
    for path in (PAGE, HOME):
        late_pids = {pids.get(answer.probe) for answer in late if answer.path == path}
        assert late_pids == server.workers, f"{path} after the margin served by {late_pids}"
    print(f"\n{'enabled' if enabled else 'disabled'}: {switch_latency(answers, pids, enabled)}")


def switch_latency(answers: list[Answer], pids: dict[int, int], enabled: bool) -> str:
    """How many answers each worker gave, and when it last gave one with the old state."""
    lines = []
    for pid in sorted(set(pids.values())):
        served = [answer for answer in answers if pids.get(answer.probe) == pid]
        old = [answer.sent for answer in served if not shows(answer, enabled, None)]
        last = f"the last old one sent {max(old):.3f} s after" if old else "none old"
        lines.append(f"worker {pid}: {len(served)} answers, {last}")
    return "; ".join(lines)


def write_note(admin: requests.Session, server: Server) -> None:
    response = send_form(admin, f"{server.url}/themes/{PLUGIN}/notes/new", {"body": NOTE})
    assert response.status_code == 302, response.text


def test_a_switch_on_the_admin_page_reaches_every_worker_within_a_second(
    server: Server, site: Site
) -> None:
    admin, member = signed_in(server, site.admin_id), signed_in(server, site.member_id)
    cookies = requests.utils.dict_from_cookiejar(member.cookies)

    switched = switch(admin, server, "Enable")
    check_every_worker_follows(server, watch(server.url, cookies, switched, WATCH_FOR), True)
    listing = admin.get(f"{server.url}/admin/plugins", timeout=10).text
    assert f"{PLUGIN_TITLE} is enabled on every server within a second." in listing
    write_note(admin, server)

    switched = switch(admin, server, "Disable")
    check_every_worker_follows(server, watch(server.url, cookies, switched, WATCH_FOR), False)

    switched = switch(admin, server, "Enable")
    answers = watch(server.url, cookies, switched, WATCH_FOR)
    check_every_worker_follows(server, answers, True, note=NOTE)

    with site.app.app_context():
        entries = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action.in_(["plugin.enabled", "plugin.disabled"]))
            .order_by(AuditEntry.id)
        )
        switches = [(entry.action, entry.actor_id, entry.details) for entry in entries]
        notes = list(db.session.scalars(select(Note.body)))
    assert switches == [
        (f"plugin.{action}", site.admin_id, {"plugin": PLUGIN})
        for action in ("enabled", "disabled", "enabled")
    ]
    assert notes == [NOTE]
