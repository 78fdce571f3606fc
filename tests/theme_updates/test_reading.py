"""Published updates as plugins read them through the API."""

from __future__ import annotations

from datetime import date

from iscg_module.platform.api import published_theme_updates
from iscg_module.testing.accounts import make_user
from iscg_module.testing.factories import make_update
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.roles import Role


def test_only_published_updates_of_the_theme_that_meet_the_days(app):
    climate = ensure_theme(None, "climate-change", "Climate change", "", ThemeStatus.ACTIVE)
    other = ensure_theme(None, "ai", "AI", "", ThemeStatus.ACTIVE)
    writer = make_user("Writer", Role.ADMIN)

    def update(theme, title, start, end, status=UpdateStatus.PUBLISHED):
        return make_update(theme, writer, status, title=title, period_start=start, period_end=end)

    update(climate, "Spring", date(2021, 3, 1), date(2021, 5, 31))
    update(climate, "Summer", date(2021, 6, 1), date(2021, 9, 1))
    update(climate, "Draft", date(2021, 6, 1), date(2021, 9, 1), UpdateStatus.DRAFT)
    update(other, "AI summer", date(2021, 6, 1), date(2021, 9, 1))
    assert [u.title for u in published_theme_updates("climate-change")] == ["Spring", "Summer"]
    summer = published_theme_updates("climate-change", date(2021, 8, 1), date(2021, 12, 31))
    assert [u.title for u in summer] == ["Summer"]
    assert published_theme_updates("climate-change", date(2022, 1, 1), date(2022, 12, 31)) == []
