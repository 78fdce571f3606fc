"""Plugin switches, and the one-row version that workers poll to follow them.

Revision ID: core_0003
Revises: core_0002

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0003"
down_revision = "core_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    platform_version = op.create_table(
        "platform_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_platform_version")),
    )
    op.create_table(
        "plugin_states",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_plugin_states")),
    )
    op.bulk_insert(platform_version, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("plugin_states")
    op.drop_table("platform_version")
