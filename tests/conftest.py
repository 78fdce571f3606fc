"""Shared fixtures: the app on SQLite and on PostgreSQL, users of every role, signed-in clients.

Every test that takes ``app`` (or anything built on it) runs once per database engine.
The schema is made by the migrations, once per engine and test session; each test then
starts from empty tables.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

from iscg_module import create_app
from iscg_module.extensions import db
from iscg_module.users.models import User
from iscg_module.users.roles import Role
from tests.factories import make_user

POSTGRESQL_URL_VARIABLE = "ISCG_TEST_DATABASE_URL"
CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(POSTGRESQL_URL_VARIABLE)
    if url:
        return f"PostgreSQL tests: against {url}"
    return f"PostgreSQL tests: skipped ({POSTGRESQL_URL_VARIABLE} is not set)"


def _postgresql_server_url() -> str:
    url = os.environ.get(POSTGRESQL_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRESQL_URL_VARIABLE} is not set: the PostgreSQL run is skipped")
    return url


@pytest.fixture(scope="session")
def postgresql_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for this test session, dropped at its end."""
    server = sa.make_url(_postgresql_server_url())
    name = f"iscg_test_{uuid.uuid4().hex[:12]}"
    admin_engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        message = f"PostgreSQL at {server.render_as_string()} is unreachable: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin_engine.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'iscg-test.sqlite3'}"


_MIGRATED: set[str] = set()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a migrated test database, once per engine."""
    url = request.getfixturevalue(f"{request.param}_database")
    if url not in _MIGRATED:
        migrating_app = create_app(_test_config(url))
        with migrating_app.app_context():
            upgrade()
            db.engine.dispose()
        _MIGRATED.add(url)
    return url


def _test_config(url: str) -> dict[str, Any]:
    return {
        "ISCG_ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-for-signing",
        "SQLALCHEMY_DATABASE_URI": url,
        "SERVER_NAME": "iscg.test",
    }


def make_app(database_url: str, **overrides: Any) -> Flask:
    """An application for the tests on ``database_url``, its test clients able to send forms."""
    application = create_app({**_test_config(database_url), **overrides})
    application.test_client_class = FormClient
    return application


def running_app(database_url: str, **overrides: Any) -> Iterator[Flask]:
    """An application on a migrated database, its tables emptied once the test is done."""
    application = make_app(database_url, **overrides)
    with application.app_context():
        yield application
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """The application on a migrated database whose tables are emptied after the test."""
    yield from running_app(database_url)


def _empty_tables() -> None:
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def steady_versions(app: Flask) -> None:
    """Cached feed versions stay fresh for a minute, so a slow machine cannot age them."""
    app.extensions["iscg_feed_versions"].fresh_for = 60


@pytest.fixture
def engine_name(app: Flask) -> str:
    return db.engine.dialect.name


class FormClient(FlaskClient):
    """A test client that can send forms with their CSRF token, as a browser would.

    Tests hold an application context open; each request gets an application context of
    its own, as in production (a fresh ``g``, so no signed-in user or CSRF token leaks
    between clients, and its own database session). Afterwards the test's session ends its
    transaction so that it reads what the request wrote.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.rollback()
        return response

    def csrf_token(self) -> str:
        for page in ("/", "/auth/login"):
            match = CSRF_FIELD.search(self.get(page).get_data(as_text=True))
            if match:
                return match.group(1)
        raise AssertionError("no page offered a CSRF token")

    def post_form(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        payload = {"csrf_token": self.csrf_token(), **(data or {})}
        return self.post(url, data=payload, **kwargs)


@pytest.fixture
def client(app: Flask) -> FormClient:
    return app.test_client()


@pytest.fixture
def admin(app: Flask) -> User:
    return make_user("Secretariat Admin", Role.ADMIN)


@pytest.fixture
def chair(app: Flask) -> User:
    return make_user("Group Chair", Role.CHAIR)


@pytest.fixture
def member(app: Flask) -> User:
    return make_user("Plain Member")


def sign_in(app: Flask, user: User) -> FormClient:
    """A new client signed in as ``user`` through the development sign-in form."""
    signed_in = app.test_client()
    response = signed_in.post_form("/auth/login", {"account": user.id})
    assert response.status_code == 302, response.get_data(as_text=True)
    return signed_in


@pytest.fixture
def admin_client(app: Flask, admin: User) -> FormClient:
    return sign_in(app, admin)


@pytest.fixture
def chair_client(app: Flask, chair: User) -> FormClient:
    return sign_in(app, chair)


@pytest.fixture
def member_client(app: Flask, member: User) -> FormClient:
    return sign_in(app, member)


@pytest.fixture
def count_queries(app: Flask) -> Callable[[FlaskClient, str], int]:
    """Fetch a URL (expecting 200) and return how many SQL statements serving it ran."""

    def count(client: FlaskClient, url: str, **headers: str) -> int:
        statements: list[str] = []

        def remember(_connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
            statements.append(statement)

        sa.event.listen(db.engine, "before_cursor_execute", remember)
        try:
            response = client.get(url, headers=headers)
            assert response.status_code in (200, 304), response.status_code
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", remember)
        return len(statements)

    return count


@pytest.fixture(scope="session")
def repository_root() -> Path:
    return Path(__file__).resolve().parent.parent
