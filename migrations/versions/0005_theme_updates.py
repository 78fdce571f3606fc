"""Theme updates, and every version of each one.

Revision ID: core_0005
Revises: core_0004

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "core_0005"
down_revision = "core_0004"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _content() -> list[sa.Column]:
    """The columns an update and each of its versions share."""
    return [
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "theme_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            _enum("updatestatus", "draft", "submitted", "returned", "published"),
            nullable=False,
        ),
        *_content(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("return_comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "period_end >= period_start", name=op.f("ck_theme_updates_period_in_order")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"],
            name=op.f("fk_theme_updates_author_id_users"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["themes.id"], name=op.f("fk_theme_updates_theme_id_themes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_updates")),
    )  # fmt: skip
    op.create_index(op.f("ix_theme_updates_published_at"), "theme_updates", ["published_at"])
    op.create_index(op.f("ix_theme_updates_theme_id"), "theme_updates", ["theme_id"])
    op.create_table(
        "theme_update_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "action",
            _enum("versionaction", "saved", "submitted", "returned", "published"),
            nullable=False,
        ),
        *_content(),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("acted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"],
            name=op.f("fk_theme_update_versions_actor_id_users"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["update_id"], ["theme_updates.id"],
            name=op.f("fk_theme_update_versions_update_id_theme_updates"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_update_versions")),
        sa.UniqueConstraint(
            "update_id", "number", name=op.f("uq_theme_update_versions_update_id_number")
        ),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("theme_update_versions")
    op.drop_index(op.f("ix_theme_updates_theme_id"), table_name="theme_updates")
    op.drop_index(op.f("ix_theme_updates_published_at"), table_name="theme_updates")
    op.drop_table("theme_updates")
