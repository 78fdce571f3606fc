"""Liaison statements on the accessibility theme.

Revision ID: accessibility_0003
Revises: accessibility_0002

"""

import sqlalchemy as sa
from alembic import op

revision = "accessibility_0003"
down_revision = "accessibility_0002"
branch_labels = None
depends_on = None

TABLE = "accessibility_liaison_statements"


def upgrade() -> None:
    purposes = sa.Enum(
        "for_action", "for_information",
        name="liaisonpurpose", native_enum=False, create_constraint=True, length=32,
    )  # fmt: skip
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("to_group", sa.String(length=120), nullable=False),
        sa.Column("purpose", purposes, nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("documents", sa.String(length=500), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("reply_by", sa.Date(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"],
            name=op.f(f"fk_{TABLE}_recorded_by_id_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
    )  # fmt: skip
    op.create_index(op.f(f"ix_{TABLE}_agreed_on"), TABLE, ["agreed_on"])
    op.create_index(op.f(f"ix_{TABLE}_sent_on"), TABLE, ["sent_on"])


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_sent_on"), table_name=TABLE)
    op.drop_index(op.f(f"ix_{TABLE}_agreed_on"), table_name=TABLE)
    op.drop_table(TABLE)
