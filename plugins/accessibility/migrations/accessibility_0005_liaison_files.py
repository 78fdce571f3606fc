"""The files each liaison statement carries.

Revision ID: accessibility_0005
Revises: accessibility_0004
Depends on: core_0006

"""

import sqlalchemy as sa
from alembic import op

revision = "accessibility_0005"
down_revision = "accessibility_0004"
branch_labels = None
depends_on = "core_0006"

TABLE = "accessibility_liaison_files"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["accessibility_liaison_statements.id"],
            name="fk_accessibility_liaison_files_statement", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attachment_id"], ["attachments.id"], name="fk_accessibility_liaison_files_attachment"
        ),
        sa.PrimaryKeyConstraint("statement_id", "attachment_id", name=op.f(f"pk_{TABLE}")),
    )  # fmt: skip
    op.create_index(op.f(f"ix_{TABLE}_attachment_id"), TABLE, ["attachment_id"])


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_attachment_id"), table_name=TABLE)
    op.drop_table(TABLE)
