"""The accessibility theme's requests and initiatives, and each step of their path.

Revision ID: accessibility_0001
Revises:
Depends on: core_0001

"""

import sqlalchemy as sa
from alembic import op

revision = "accessibility_0001"
down_revision = None
branch_labels = ("accessibility",)
depends_on = "core_0001"

STATUSES = ("proposed", "in_preparation", "submitted", "approved", "rejected", "deferred")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "accessibility_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("itemkind", "initiative", "request"), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("target_body", sa.String(length=120), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", _enum("itemstatus", *STATUSES), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accessibility_items")),
    )
    op.create_table(
        "accessibility_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("from_status", _enum("from_status", *STATUSES), nullable=True),
        sa.Column("to_status", _enum("to_status", *STATUSES), nullable=False),
        sa.Column("on_day", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by_id"], ["users.id"],
            name=op.f("fk_accessibility_status_changes_changed_by_id_users"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["accessibility_items.id"],
            name=op.f("fk_accessibility_status_changes_item_id_accessibility_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accessibility_status_changes")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_accessibility_status_changes_item_id"),
        "accessibility_status_changes",
        ["item_id"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_accessibility_status_changes_item_id"), table_name="accessibility_status_changes"
    )
    op.drop_table("accessibility_status_changes")
    op.drop_table("accessibility_items")
