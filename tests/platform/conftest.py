"""An app with the sample plugin installed (and disabled until a test enables it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from iscg_module.testing.accounts import make_user
from iscg_module.testing.fixtures import running_app
from iscg_module.users.models import User
from iscg_module.users.roles import Role
from tests.platform.sample_plugin import RecordingPlugin


@pytest.fixture
def plugin() -> RecordingPlugin:
    return RecordingPlugin()


@pytest.fixture
def plugin_app(database_url: str, plugin: RecordingPlugin) -> Iterator[Flask]:
    yield from running_app(database_url, ISCG_EXTRA_PLUGINS=[plugin])


@pytest.fixture
def plugin_admin(plugin_app: Flask) -> User:
    return make_user("Plugin Admin", Role.ADMIN)
