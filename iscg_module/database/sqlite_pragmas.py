"""SQLite settings applied to every new connection: write-ahead log and enforced foreign keys."""

from typing import Any

from sqlalchemy import Engine, event


def apply_sqlite_pragmas(engine: Engine) -> None:
    """Turn on WAL and foreign keys for every connection ``engine`` opens, if it is SQLite."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
