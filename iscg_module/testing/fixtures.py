"""Fixtures for the product's tests and for plugin authors' tests.

Load them with ``pytest_plugins = ["iscg_module.testing.fixtures"]`` in a ``conftest.py``.

Every test that takes ``app`` (or anything built on it) runs once per database engine:
SQLite always, PostgreSQL when ``ISCG_TEST_DATABASE_URL`` names a server (a database of
its own is created for the session and dropped at its end). The schema is made by the
migrations of the core and of every installed plugin; each test starts from empty tables.

``@pytest.mark.iscg_plugins("name", …)`` on a test enables those plugins in its ``app``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from iscg_module import create_app
from iscg_module.database.migration_commands import upgrade_schema
from iscg_module.extensions import db
from iscg_module.platform.gate import plugin_registry
from iscg_module.testing.accounts import make_focal_point, make_user, sign_in
from iscg_module.testing.form_client import FormClient
from iscg_module.testing.plugins import enable_plugin
from iscg_module.users.models import User
from iscg_module.users.roles import Role

POSTGRESQL_URL_VARIABLE = "ISCG_TEST_DATABASE_URL"
PLUGINS_MARKER = "iscg_plugins"
_MIGRATED: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{PLUGINS_MARKER}(*names): enable these plugins in the test's app"
    )


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(POSTGRESQL_URL_VARIABLE)
    if url:
        return f"PostgreSQL tests: against {url}"
    return f"PostgreSQL tests: skipped ({POSTGRESQL_URL_VARIABLE} is not set)"


def new_postgresql_database(prefix: str = "iscg_test") -> Iterator[str]:
    """A new, empty database on the server ``ISCG_TEST_DATABASE_URL`` names, dropped after.

    Without that variable the test is skipped; an unreachable server skips it too, except
    under CI, where it fails.
    """
    url = os.environ.get(POSTGRESQL_URL_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRESQL_URL_VARIABLE} is not set: the PostgreSQL run is skipped")
    server = sa.make_url(url)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin_engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin_engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        admin_engine.dispose()
        message = f"PostgreSQL at {server.render_as_string()} is unreachable: {error}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
        with admin_engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin_engine.dispose()


@pytest.fixture(scope="session")
def postgresql_database() -> Iterator[str]:
    """A PostgreSQL database for this test session."""
    yield from new_postgresql_database()


@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'iscg-test.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a migrated test database, once per engine."""
    url = request.getfixturevalue(f"{request.param}_database")
    if url not in _MIGRATED:
        migrating_app = create_app(test_config(url))
        with migrating_app.app_context():
            upgrade_schema()
            db.engine.dispose()
        _MIGRATED.add(url)
    return url


def test_config(url: str) -> dict[str, Any]:
    """The settings of a test application on the database at ``url``."""
    return {
        "ISCG_ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-for-signing",
        "SQLALCHEMY_DATABASE_URI": url,
        "SERVER_NAME": "iscg.test",
    }


test_config.__test__ = False  # type: ignore[attr-defined]  (a helper, not a test)


def make_app(database_url: str, **overrides: Any) -> Flask:
    """An application for the tests on ``database_url``, its test clients able to send forms."""
    application = create_app({**test_config(database_url), **overrides})
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


def _empty_tables() -> None:
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def app(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The application on a migrated database, with the plugins the test's marker names.

    Attached files go to a folder of the test's own, ``app.config["ISCG_ATTACHMENTS_DIR"]``.
    A plugin's hook that raised during the test fails it at the end: the product leaves such
    a contribution out rather than breaking the page, so a test would not see it otherwise.
    """
    attachments = str(tmp_path / "attachments")
    for application in running_app(database_url, ISCG_ATTACHMENTS_DIR=attachments):
        for marker in request.node.iter_markers(PLUGINS_MARKER):
            for name in marker.args:
                enable_plugin(name)
        yield application
        failed = plugin_registry().hook_failures.by_plugin()
        assert not failed, f"plugin hooks raised during the test: {failed}"


@pytest.fixture
def client(app: Flask) -> FormClient:
    """A visitor who has not signed in."""
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
def focal_point_of(app: Flask) -> Callable[[str], FormClient]:
    """Sign in a new focal point of the theme with the given slug: ``focal_point_of("ai")``."""

    def signed_in_focal_point(theme_slug: str) -> FormClient:
        return sign_in(app, make_focal_point(f"Focal Point of {theme_slug}", theme_slug))

    return signed_in_focal_point
