"""Plugin settings, one JSON value per plugin and setting.

Revision ID: core_0004
Revises: core_0003

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0004"
down_revision = "core_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plugin_settings",
        sa.Column("plugin", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("plugin", "name", name=op.f("pk_plugin_settings")),
    )


def downgrade() -> None:
    op.drop_table("plugin_settings")
