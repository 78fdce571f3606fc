"""The AI reports' activities and terms of reference, one row per version of an update.

Revision ID: ai_0001
Revises:
Depends on: core_0005

"""

import sqlalchemy as sa
from alembic import op

revision = "ai_0001"
down_revision = None
branch_labels = ("ai",)
depends_on = "core_0005"

SECTORS = ("itu_r", "itu_t", "itu_d", "general_secretariat")
STATUSES = ("planned", "ongoing", "completed", "closed")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "ai_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("terms_of_reference", sa.Text(), nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_by_id"], ["users.id"],
            name=op.f("fk_ai_reports_saved_by_id_users"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["update_id"], ["theme_updates.id"],
            name=op.f("fk_ai_reports_update_id_theme_updates"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_reports")),
        sa.UniqueConstraint("update_id", "version", name=op.f("uq_ai_reports_update_id_version")),
    )  # fmt: skip
    op.create_table(
        "ai_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sector", _enum("sector", *SECTORS), nullable=False),
        sa.Column("group", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", _enum("activitystatus", *STATUSES), nullable=False),
        sa.Column("next_step", sa.String(length=500), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["ai_reports.id"],
            name=op.f("fk_ai_activities_report_id_ai_reports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_activities")),
    )  # fmt: skip
    op.create_index(op.f("ix_ai_activities_report_id"), "ai_activities", ["report_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_ai_activities_report_id"), table_name="ai_activities")
    op.drop_table("ai_activities")
    op.drop_table("ai_reports")
