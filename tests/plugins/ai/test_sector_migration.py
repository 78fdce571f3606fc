"""ai_0002 turns the plugin's own sector values into the core's, and back on downgrade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_migrate import downgrade

from iscg_module.database.migration_commands import upgrade_schema
from iscg_module.extensions import db
from iscg_module.testing.fixtures import make_app, new_postgresql_database

PLUGIN_SECTORS = ("itu_r", "itu_t", "itu_d", "general_secretariat")
CORE_SECTORS = ("ITU-R", "ITU-T", "ITU-D", "GS")
BEFORE = "ai_0001"
NOW = "'2021-09-01 10:00:00+00:00'"


def _empty_database(engine: str, folder: Path) -> Iterator[str]:
    """The URL of a database of its own: the shared test databases must keep their schema."""
    if engine == "sqlite":
        yield f"sqlite:///{folder / 'sectors.sqlite3'}"
    else:
        yield from new_postgresql_database("iscg_ai_sectors")


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """An application on an empty database of its own, migrated to every head."""
    for url in _empty_database(request.param, tmp_path):
        application = make_app(url)
        with application.app_context():
            upgrade_schema()
            yield application
            db.session.remove()
            db.engine.dispose()


def _write_activities(sectors: tuple[str, ...]) -> None:
    """One report with an activity in each of ``sectors``, as the tables hold them."""
    statements = (
        "INSERT INTO themes (id, slug, title, description, status, created_at)"
        f" VALUES (1, 'ai', 'AI', '', 'active', {NOW})",
        "INSERT INTO theme_updates (id, theme_id, status, title, period_start, period_end, body,"
        " links, version, created_at, updated_at) VALUES (1, 1, 'draft', 'Report',"
        f" '2021-03-01', '2021-09-01', '', '[]', 1, {NOW}, {NOW})",
        "INSERT INTO ai_reports (id, update_id, version, terms_of_reference, saved_at)"
        f" VALUES (1, 1, 1, '', {NOW})",
    )
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))
        for position, sector in enumerate(sectors):
            connection.execute(
                sa.text(
                    'INSERT INTO ai_activities (report_id, position, sector, "group", title,'
                    " status, next_step, link) VALUES (1, :position, :sector, '', :title,"
                    " 'ongoing', '', '')"
                ),
                {"position": position, "sector": sector, "title": f"Activity {position}"},
            )


def _stored_sectors() -> tuple[str, ...]:
    query = sa.text("SELECT sector FROM ai_activities ORDER BY position")
    with db.engine.connect() as connection:
        return tuple(connection.scalars(query))


def _refuses(sector: str) -> bool:
    try:
        with db.engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE ai_activities SET sector = :sector"), {"sector": sector}
            )
    except sa.exc.IntegrityError:
        return True
    return False


def test_the_stored_sectors_become_the_cores_and_come_back(fresh_app):
    downgrade(revision=BEFORE)
    _write_activities(PLUGIN_SECTORS)
    upgrade_schema()
    assert _stored_sectors() == CORE_SECTORS
    assert _refuses("itu_r")
    downgrade(revision=BEFORE)
    assert _stored_sectors() == PLUGIN_SECTORS
    assert _refuses("GS")
