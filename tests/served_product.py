"""The product served as in production, for tests that need several worker processes.

``flask db upgrade`` migrates a database of the test's own, then gunicorn serves ``wsgi:app``
with two workers; the access log names the worker (pid) that answered each request, so a
test can show that both workers took part. Requests go over real connections with
``requests``; forms are sent with their CSRF token, as a browser sends them.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.html_elements import elements_of

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WORKERS = 2
SECRET_KEY = "secret-key-of-the-served-product-tests-only"
# Each access-log line: <pid> path query status; probes carry probe=<number> in the query.
ACCESS_LOG_FORMAT = "%(p)s %(U)s %(q)s %(s)s"
PROBE_LINE = re.compile(r"^<(\d+)> (\S+) probe=(\d+) (\d{3})$")
probe_numbers = itertools.count(1)


@dataclass(frozen=True)
class Server:
    url: str
    workers: frozenset[int]
    access_log: Path


def environment_for(database: str) -> dict[str, str]:
    """The environment of the flask command and of gunicorn: development sign-in, no provider."""
    inherited = {key: value for key, value in os.environ.items() if not key.startswith("ISCG_")}
    return {**inherited, "ISCG_ENV": "testing", "ISCG_DATABASE_URL": database,
            "ISCG_SECRET_KEY": SECRET_KEY}  # fmt: skip


def migrate(environment: dict[str, str]) -> None:
    """Migrate the database with ``flask db upgrade``, as a deployment does."""
    upgrade = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert upgrade.returncode == 0, upgrade.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(environment: dict[str, str], logs: Path) -> Iterator[Server]:
    """gunicorn with two workers, once each of them has answered a request."""
    port = free_port()
    access_log, error_log = logs / "access.log", logs / "error.log"
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
         "--access-logfile", str(access_log), "--access-logformat", ACCESS_LOG_FORMAT,
         "--error-logfile", str(error_log), "wsgi:app"],
        cwd=ROOT, env=environment,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        yield Server(url, wait_for_workers(process, url, access_log, error_log), access_log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def worker_pids(master: int) -> frozenset[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return frozenset(int(pid) for pid in children)


def wait_for_workers(
    process: subprocess.Popen[bytes], url: str, access_log: Path, error_log: Path
) -> frozenset[int]:
    """Return the workers' pids once each of them has answered a request."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{error_log.read_text()}")
        workers = worker_pids(process.pid)
        if len(workers) == WORKERS and access_log.exists():
            probes = [probe(url, "/") for _ in range(8)]
            if set(served_by(access_log, probes).values()) == workers:
                return workers
        time.sleep(0.1)
    pytest.fail(f"the {WORKERS} gunicorn workers did not all answer:\n{error_log.read_text()}")


def probe(url: str, path: str, cookies: dict[str, str] | None = None) -> int:
    """Ask for ``path`` on a new connection, tagged with a probe number; return the number."""
    number = next(probe_numbers)
    requests.get(f"{url}{path}", params={"probe": number}, cookies=cookies or {},
                 allow_redirects=False, timeout=10)  # fmt: skip
    return number


def served_by(access_log: Path, probes: list[int]) -> dict[int, int]:
    """The pid that served each probe, from the access log (waiting for its lines)."""
    wanted = set(probes)
    deadline = time.monotonic() + 5
    while True:
        pids = {}
        for line in access_log.read_text().splitlines():
            found = PROBE_LINE.match(line)
            if found:
                pids[int(found.group(3))] = int(found.group(1))
        if wanted <= pids.keys() or time.monotonic() > deadline:
            return {number: pids[number] for number in wanted if number in pids}
        time.sleep(0.05)


def pids_of_posts(access_log: Path, path: str) -> set[int]:
    """The workers that answered POSTs (or any request) to ``path``."""
    pids = set()
    for line in access_log.read_text().splitlines():
        found = re.match(r"^<(\d+)> (\S+) ", line)
        if found and found.group(2) == path:
            pids.add(int(found.group(1)))
    return pids


def field_value(html: str, name: str) -> str:
    """The value of the form field ``name`` (the CSRF token, the state a switch asks for)."""
    for tag, attributes in elements_of(html):
        if tag == "input" and attributes.get("name") == name:
            return attributes["value"] or ""
    raise AssertionError(f"no field {name} in:\n{html}")


def send_form(session: requests.Session, url: str, fields: dict[str, object]) -> requests.Response:
    """Open the form at ``url``, then send it with its CSRF token and ``fields``."""
    form = session.get(url, timeout=10)
    payload = {"csrf_token": field_value(form.text, "csrf_token"), **fields}
    return session.post(url, data=payload, allow_redirects=False, timeout=10)


def signed_in(server: Server, account_id: int) -> requests.Session:
    """A session signed in through the development sign-in form."""
    session = requests.Session()
    response = send_form(session, f"{server.url}/auth/login", {"account": account_id})
    assert response.status_code == 302, response.text
    return session
