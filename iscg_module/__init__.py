"""ISCG intranet module: meetings, calendars and theme plugins of the coordination group."""

from iscg_module.app_factory import create_app

__all__ = ["create_app"]
