"""Plugin switches and settings, and a counter that moves with every change of them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from iscg_module.database.utc_datetime import UTCDateTime, utc_now
from iscg_module.extensions import Model


class PluginState(Model):
    """A plugin's switch; a plugin with no row is disabled until an admin enables it."""

    __tablename__ = "plugin_states"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class PlatformVersion(Model):
    """One row whose counter every switch or settings change raises; workers poll it alone."""

    __tablename__ = "platform_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class PluginSetting(Model):
    """One setting value of one plugin, as JSON; a setting without a row has its default."""

    __tablename__ = "plugin_settings"

    plugin: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
