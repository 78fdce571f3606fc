"""The climate plugin's tables; their names start with ``climate_``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iscg_module.platform.api import UTCDateTime, db, enum_column, utc_now

NAME_MAX = 120
UNIT_MAX = 30
DESCRIPTION_MAX = 2000
SOURCE_MAX = 200
NOTE_MAX = 2000


class Direction(StrEnum):
    """Which way an indicator should move for the organisation to be greener."""

    LOWER_IS_BETTER = "lower_is_better"
    HIGHER_IS_BETTER = "higher_is_better"


class Indicator(db.Model):
    """Something the secretariat measures, such as tCO2e from travel or paper pages printed."""

    __tablename__ = "climate_indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    unit: Mapped[str] = mapped_column(String(UNIT_MAX))
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    values: Mapped[list[IndicatorValue]] = relationship(
        back_populates="indicator",
        order_by=lambda: (IndicatorValue.period_start, IndicatorValue.id),
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class IndicatorValue(db.Model):
    """An indicator's value over one period, with where it comes from (e.g. ISCG/21-2/INF-1).

    The periods of one indicator never overlap; the operations check it.
    """

    __tablename__ = "climate_indicator_values"
    __table_args__ = (
        CheckConstraint("period_end >= period_start", name="period_in_order"),
        CheckConstraint("value >= 0", name="value_not_negative"),
        UniqueConstraint("indicator_id", "period_start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("climate_indicators.id", ondelete="CASCADE")
    )
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Numeric(16, 4))
    source: Mapped[str] = mapped_column(String(SOURCE_MAX), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    indicator: Mapped[Indicator] = relationship(back_populates="values", lazy="joined")
