"""The product's own fixtures, on top of the ones it offers plugin authors.

``iscg_module.testing.fixtures`` gives the app on SQLite and on PostgreSQL, users of every
role and signed-in clients; what follows is only for the core's tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from iscg_module.extensions import db
from iscg_module.platform.gate import plugin_registry

pytest_plugins = ["iscg_module.testing.fixtures"]


@pytest.fixture
def steady_versions(app: Flask) -> None:
    """Cached feed versions stay fresh for a minute, so a slow machine cannot age them."""
    app.extensions["iscg_feed_versions"].fresh_for = 60


@pytest.fixture
def engine_name(app: Flask) -> str:
    return db.engine.dialect.name


@pytest.fixture
def count_queries(app: Flask) -> Iterator[Callable[[FlaskClient, str], int]]:
    """Fetch a URL (expecting 200) and return how many SQL statements serving it ran.

    The plugin switches are read before each count and not polled during it, so a slow
    machine cannot add the once-a-second poll to one count and not to another.
    """
    registry = plugin_registry()
    poll_every, registry.poll_every = registry.poll_every, 3600.0

    def count(client: FlaskClient, url: str, **headers: str) -> int:
        registry.enabled()
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

    yield count
    registry.poll_every = poll_every


@pytest.fixture(scope="session")
def repository_root() -> Path:
    return Path(__file__).resolve().parent.parent
