"""Sign-in sessions held by the server, and deactivated accounts.

Revision ID: core_0007
Revises: core_0006

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0007"
down_revision = "core_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as users:
        users.add_column(sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "sign_in_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_because", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"],
            name=op.f("fk_sign_in_sessions_user_id_users"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_sessions")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_sign_in_sessions_secret_hash")),
    )  # fmt: skip
    op.create_index(op.f("ix_sign_in_sessions_user_id"), "sign_in_sessions", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_sessions_user_id"), table_name="sign_in_sessions")
    op.drop_table("sign_in_sessions")
    with op.batch_alter_table("users") as users:
        users.drop_column("deactivated_at")
