"""Personal calendar links: a hashed secret token per named link, revocable one by one.

Revision ID: core_0002
Revises: core_0001

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0002"
down_revision = "core_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_calendar_subscriptions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_subscriptions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_subscriptions_token_hash")),
    )
    with op.batch_alter_table("calendar_subscriptions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_subscriptions_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("calendar_subscriptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_subscriptions_user_id"))

    op.drop_table("calendar_subscriptions")
