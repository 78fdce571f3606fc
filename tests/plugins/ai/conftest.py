"""Every test here has the theme "ai" to write reports on."""

from __future__ import annotations

import pytest

from tests.plugins.ai.writing import make_ai_theme


@pytest.fixture
def theme(app):
    make_ai_theme()


@pytest.fixture
def writer(theme, focal_point_of):
    return focal_point_of("ai")
