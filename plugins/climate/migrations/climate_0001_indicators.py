"""The climate theme's indicators and their values per period.

Revision ID: climate_0001
Revises:
Depends on: core_0001

"""

import sqlalchemy as sa
from alembic import op

revision = "climate_0001"
down_revision = None
branch_labels = ("climate",)
depends_on = "core_0001"


def upgrade() -> None:
    directions = sa.Enum(
        "lower_is_better", "higher_is_better",
        name="direction", native_enum=False, create_constraint=True, length=32,
    )  # fmt: skip
    op.create_table(
        "climate_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("direction", directions, nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_climate_indicators")),
        sa.UniqueConstraint("name", name=op.f("uq_climate_indicators_name")),
    )
    op.create_table(
        "climate_indicator_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("value", sa.Numeric(precision=16, scale=4), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "period_end >= period_start",
            name=op.f("ck_climate_indicator_values_period_in_order"),
        ),
        sa.CheckConstraint(
            "value >= 0", name=op.f("ck_climate_indicator_values_value_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["climate_indicators.id"],
            name=op.f("fk_climate_indicator_values_indicator_id_climate_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["users.id"],
            name=op.f("fk_climate_indicator_values_recorded_by_id_users"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_climate_indicator_values")),
        sa.UniqueConstraint(
            "indicator_id", "period_start",
            name=op.f("uq_climate_indicator_values_indicator_id_period_start"),
        ),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("climate_indicator_values")
    op.drop_table("climate_indicators")
