"""``flask db``, as Flask-Migrate offers it, except that ``upgrade`` brings up every branch.

The core's revisions and each installed plugin's are separate Alembic branches, so the
schema has several heads; a plain ``flask --app wsgi db upgrade`` must apply them all.
"""

from __future__ import annotations

import click
import flask_migrate
from flask import g
from flask.cli import with_appcontext
from flask_migrate.cli import db as flask_migrate_commands

EVERY_HEAD = "heads"


def upgrade_schema() -> None:
    """Bring the current app's database up to the core's and every plugin's latest revision."""
    flask_migrate.upgrade(revision=EVERY_HEAD)


@click.command("upgrade")
@click.option("--sql", is_flag=True, help="Print the SQL instead of running it.")
@click.option("--tag", default=None, help="A tag for custom env.py scripts.")
@click.argument("revision", default=EVERY_HEAD)
@with_appcontext
def upgrade_every_branch(sql: bool, tag: str | None, revision: str) -> None:
    """Upgrade the core and every installed plugin (or one REVISION, e.g. example@head)."""
    flask_migrate.upgrade(g.directory, revision, sql, tag, g.x_arg)


def database_commands() -> click.Group:
    """Flask-Migrate's command group with the upgrade above in place of its own."""
    return click.Group(
        "db",
        commands={**flask_migrate_commands.commands, "upgrade": upgrade_every_branch},
        params=flask_migrate_commands.params,
        callback=flask_migrate_commands.callback,
        help=flask_migrate_commands.help,
    )
