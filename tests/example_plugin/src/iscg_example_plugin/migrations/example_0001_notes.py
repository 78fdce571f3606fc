"""The example plugin's tables: notes, meeting topics and event counts.

Revision ID: example_0001
Revises:
Depends on: core_0001

"""

import sqlalchemy as sa
from alembic import op

revision = "example_0001"
down_revision = None
branch_labels = ("example",)
depends_on = "core_0001"


def upgrade() -> None:
    op.create_table(
        "example_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"],
            name=op.f("fk_example_notes_author_id_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_example_notes")),
    )  # fmt: skip
    op.create_index(op.f("ix_example_notes_written_at"), "example_notes", ["written_at"])
    op.create_table(
        "example_meeting_topics",
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"],
            name=op.f("fk_example_meeting_topics_meeting_id_meetings"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"], ["registrations.id"],
            name=op.f("fk_example_meeting_topics_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("registration_id", name=op.f("pk_example_meeting_topics")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_example_meeting_topics_meeting_id"), "example_meeting_topics", ["meeting_id"]
    )
    op.create_table(
        "example_event_counts",
        sa.Column("event", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("event", name=op.f("pk_example_event_counts")),
    )


def downgrade() -> None:
    op.drop_table("example_event_counts")
    op.drop_index(op.f("ix_example_meeting_topics_meeting_id"), table_name="example_meeting_topics")
    op.drop_table("example_meeting_topics")
    op.drop_index(op.f("ix_example_notes_written_at"), table_name="example_notes")
    op.drop_table("example_notes")
