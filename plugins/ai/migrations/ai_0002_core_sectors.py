"""Activities name their sector by the core's ``Sector`` values: ITU-R, ITU-T, ITU-D, GS.

The plugin had a sector enum of its own, with other values; the stored ones are converted,
and the column's check constraint follows them.

Revision ID: ai_0002
Revises: ai_0001

"""

import sqlalchemy as sa
from alembic import op

revision = "ai_0002"
down_revision = "ai_0001"
branch_labels = None
depends_on = None

TABLE = "ai_activities"
CHECK = "ck_ai_activities_sector"
# The plugin's own values, as ai_0001 made them, and the core's that replace them.
CORE_SECTORS = {
    "itu_r": "ITU-R",
    "itu_t": "ITU-T",
    "itu_d": "ITU-D",
    "general_secretariat": "GS",
}


def _convert(values: dict[str, str]) -> None:
    """Store each sector as ``values`` maps it, checked against the new values only."""
    with op.batch_alter_table(TABLE) as activities:
        activities.drop_constraint(op.f(CHECK), type_="check")
    for old, new in values.items():
        op.execute(
            sa.text(f"UPDATE {TABLE} SET sector = :new WHERE sector = :old").bindparams(
                old=old, new=new
            )
        )
    with op.batch_alter_table(TABLE) as activities:
        activities.create_check_constraint(
            op.f(CHECK), sa.column("sector").in_(list(values.values()))
        )


def upgrade() -> None:
    _convert(CORE_SECTORS)


def downgrade() -> None:
    _convert({new: old for old, new in CORE_SECTORS.items()})
