"""Attached files, and the files each theme update and each of its versions holds.

Revision ID: core_0006
Revises: core_0005

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0006"
down_revision = "core_0005"
branch_labels = None
depends_on = None


def _attachment_list(table: str, owner: str, owner_table: str) -> None:
    """A table of (owner, attachment) pairs: deleting the owner deletes its pairs."""
    op.create_table(
        table,
        sa.Column(owner, sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"],
            name=op.f(f"fk_{table}_attachment_id_attachments"),
        ),
        sa.ForeignKeyConstraint(
            [owner], [f"{owner_table}.id"],
            name=op.f(f"fk_{table}_{owner}_{owner_table}"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(owner, "attachment_id", name=op.f(f"pk_{table}")),
    )  # fmt: skip
    op.create_index(op.f(f"ix_{table}_attachment_id"), table, ["attachment_id"])


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"], ["users.id"],
            name=op.f("fk_attachments_uploaded_by_id_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )  # fmt: skip
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"])
    _attachment_list("theme_update_attachments", "update_id", "theme_updates")
    _attachment_list("theme_version_attachments", "version_id", "theme_update_versions")


def downgrade() -> None:
    for table in ("theme_version_attachments", "theme_update_attachments"):
        op.drop_index(op.f(f"ix_{table}_attachment_id"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_attachments_sha256"), table_name="attachments")
    op.drop_table("attachments")
