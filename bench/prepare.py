"""Make a benchmark database: migrations, the demo, load data; print sample paths and counts."""

from __future__ import annotations

import sys

import sqlalchemy as sa
from sqlalchemy import select

from bench.synthetic_data import add_meetings, add_members_with_links
from iscg_module import create_app
from iscg_module.database.migration_commands import upgrade_schema
from iscg_module.demo.reference_group import load_reference_group
from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting


def count_queries(client, path: str, headers: dict[str, str]) -> int:
    """Statements of a request once the worker is warm (the one before it fills the caches)."""
    client.get(path, headers=headers)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    sa.event.listen(db.engine, "before_cursor_execute", listener)
    client.get(path, headers=headers)
    sa.event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


def main(meetings: int, members: int) -> None:
    app = create_app()
    with app.app_context():
        upgrade_schema()
        load_reference_group()
        add_meetings(meetings - 2)
        tokens = add_members_with_links(members)
        meeting_id = db.session.scalar(select(Meeting.id).order_by(Meeting.id.desc()))
        client = app.test_client()
        etag = client.get("/calendar.ics").headers["ETag"].strip('"')
        print(f"etag={etag}")
        print(f"token={tokens[0]}")
        print(f"meeting_id={meeting_id}")
        paths = ["/calendar.ics", f"/calendar/{tokens[0]}.ics", "/meetings/",
                 f"/meetings/{meeting_id}"]  # fmt: skip
        for path in paths:
            print(f"queries:{path}:200={count_queries(client, path, {})}")
        conditional = {"If-None-Match": f'"{etag}"'}
        print(f"queries:/calendar.ics:304={count_queries(client, '/calendar.ics', conditional)}")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
