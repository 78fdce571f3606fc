"""Members' accessibility needs at meetings, given with their registrations.

Revision ID: accessibility_0004
Revises: accessibility_0003

"""

import sqlalchemy as sa
from alembic import op

revision = "accessibility_0004"
down_revision = "accessibility_0003"
branch_labels = None
depends_on = None

TABLE = "accessibility_meeting_needs"


def upgrade() -> None:
    formats = sa.Enum(
        "large_print", "braille", "tagged_pdf", "easy_to_read",
        name="documentformat", native_enum=False, create_constraint=True, length=32,
    )  # fmt: skip
    op.create_table(
        TABLE,
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("captioning", sa.Boolean(), nullable=False),
        sa.Column("sign_language", sa.String(length=80), nullable=False),
        sa.Column("accessible_documents", sa.Boolean(), nullable=False),
        sa.Column("document_format", formats, nullable=True),
        sa.Column("other_needs", sa.String(length=500), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"],
            name=op.f(f"fk_{TABLE}_meeting_id_meetings"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"], ["registrations.id"],
            name=op.f(f"fk_{TABLE}_registration_id_registrations"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("registration_id", name=op.f(f"pk_{TABLE}")),
    )  # fmt: skip
    op.create_index(op.f(f"ix_{TABLE}_meeting_id"), TABLE, ["meeting_id"])


def downgrade() -> None:
    op.drop_index(op.f(f"ix_{TABLE}_meeting_id"), table_name=TABLE)
    op.drop_table(TABLE)
