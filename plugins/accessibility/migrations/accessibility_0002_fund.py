"""Pledges to the ICT Accessibility Fund and payments into it.

Revision ID: accessibility_0002
Revises: accessibility_0001

"""

import sqlalchemy as sa
from alembic import op

revision = "accessibility_0002"
down_revision = "accessibility_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    kinds = sa.Enum(
        "pledge", "payment",
        name="fundentrykind", native_enum=False, create_constraint=True, length=32,
    )  # fmt: skip
    op.create_table(
        "accessibility_fund_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", kinds, nullable=False),
        sa.Column("contributor", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("on_day", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"],
            name=op.f("fk_accessibility_fund_entries_recorded_by_id_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accessibility_fund_entries")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_accessibility_fund_entries_on_day"), "accessibility_fund_entries", ["on_day"]
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_accessibility_fund_entries_on_day"), table_name="accessibility_fund_entries"
    )
    op.drop_table("accessibility_fund_entries")
