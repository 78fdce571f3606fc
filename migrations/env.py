"""Alembic environment: migrations run against the application's own engine and metadata.

SQLite cannot alter most things in place, so migrations run in batch mode there; the same
scripts then work on PostgreSQL unchanged.
"""

from alembic import context
from flask import current_app

database = current_app.extensions["migrate"].db


def run_migrations_online() -> None:
    engine = database.engine
    options = {
        **current_app.extensions["migrate"].configure_args,
        "render_as_batch": engine.dialect.name == "sqlite",
        "compare_type": True,
    }
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=database.metadata, **options)
        with context.begin_transaction():
            context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=database.engine.url.render_as_string(hide_password=False),
        target_metadata=database.metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
