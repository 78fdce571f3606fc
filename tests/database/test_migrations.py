"""The migrations make exactly the schema the models describe, on every engine."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade
from sqlalchemy import inspect

from iscg_module.database.migration_commands import upgrade_schema
from iscg_module.extensions import db
from iscg_module.testing.fixtures import make_app


def _differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_migrated_schema_matches_the_models(app):
    assert _differences() == []


def test_downgrade_to_empty_and_upgrade_again(app):
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade_schema()
    assert {"meetings", "agenda_items", "registrations", "users", "role_grants", "themes",
            "audit_entries"} <= set(inspect(db.engine).get_table_names())  # fmt: skip
    assert _differences() == []


def test_the_upgrade_command_applies_the_core_and_every_plugin_branch(tmp_path):
    fresh = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    result = fresh.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with fresh.app_context():
        applied = set(db.session.scalars(sa.text("SELECT version_num FROM alembic_version")))
        script = ScriptDirectory.from_config(fresh.extensions["migrate"].migrate.get_config())
        # A branch that depends on a later core revision stands for it in alembic_version.
        reached = {rev.revision for rev in script.revision_map.iterate_revisions(applied, "base")}
        assert set(script.get_heads()) <= reached
        assert "example_0001" in applied and any(rev.startswith("core_") for rev in reached)
        db.engine.dispose()
