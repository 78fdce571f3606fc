"""What enabled plugins add to the core, and how all of it vanishes while they are disabled."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from iscg_module.meetings.models import Registration
from iscg_module.platform.api import ReportPeriod, db
from iscg_module.platform.operations import set_plugin_enabled
from iscg_module.platform.report_sections import report_sections
from iscg_module.testing.accounts import make_focal_point, make_user, sign_in
from iscg_module.testing.factories import make_meeting
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from tests.platform.sample_plugin import REFUSED_ANSWER

NOTE_FIELD = "sample__note"


@pytest.fixture
def member(plugin_app):
    return sign_in(plugin_app, make_user("Plugin Member"))


@pytest.fixture
def enabled(plugin_admin):
    set_plugin_enabled(plugin_admin, "sample", True)


def registrations() -> int:
    return db.session.scalar(select(func.count()).select_from(Registration))


def test_widgets_show_to_members_of_enabled_plugins_only(plugin_app, plugin_admin, member):
    assert "Sample widget" not in member.get("/").get_data(as_text=True)
    set_plugin_enabled(plugin_admin, "sample", True)
    assert '<p class="sample-widget">Hello</p>' in member.get("/").get_data(as_text=True)
    assert "Sample widget" not in plugin_app.test_client().get("/").get_data(as_text=True)


def test_meeting_panels_show_while_the_plugin_is_enabled(plugin_app, plugin_admin):
    meeting = make_meeting(title="Panelled meeting")
    visitor = plugin_app.test_client()
    assert "Sample meeting panel" not in visitor.get(f"/meetings/{meeting.id}").get_data(
        as_text=True
    )
    set_plugin_enabled(plugin_admin, "sample", True)
    page = visitor.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Sample meeting panel" in page
    assert '<p class="sample-widget">Panelled meeting</p>' in page


@pytest.mark.usefixtures("enabled")
def test_plugin_fields_are_saved_with_the_registration(plugin, member):
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/registration"
    form = member.get(url).get_data(as_text=True)
    assert "<legend>Sample theme</legend>" in form and f'name="{NOTE_FIELD}"' in form
    assert member.post_form(url, {"attendance": "online", NOTE_FIELD: "hi"}).status_code == 302
    registration = db.session.scalar(select(Registration))
    assert plugin.registration_note.saved == {registration.id: "hi"}
    assert 'value="hi"' in member.get(url).get_data(as_text=True)


@pytest.mark.usefixtures("enabled")
@pytest.mark.parametrize(
    ("answer", "message"),
    [("x" * 21, "Field cannot be longer than 20 characters."),
     (REFUSED_ANSWER, "The sample plugin refuses that note.")],
)  # fmt: skip
def test_a_refused_plugin_field_saves_nothing_of_the_form(plugin, member, answer, message):
    meeting = make_meeting()
    page = member.post_form(
        f"/meetings/{meeting.id}/registration", {"attendance": "online", NOTE_FIELD: answer}
    ).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    assert registrations() == 0 and plugin.registration_note.saved == {}


def test_a_disabled_plugin_field_vanishes_and_the_core_form_still_works(plugin, member):
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/registration"
    assert NOTE_FIELD not in member.get(url).get_data(as_text=True)
    assert member.post_form(url, {"attendance": "online", NOTE_FIELD: "x"}).status_code == 302
    assert registrations() == 1 and plugin.registration_note.saved == {}


def test_report_sections_come_from_enabled_plugins_only(plugin_app, plugin_admin):
    period = ReportPeriod(date(2021, 1, 1), date(2021, 12, 31))
    assert [item.plugin for item in report_sections(period)] == []
    set_plugin_enabled(plugin_admin, "sample", True)
    (item,) = [item for item in report_sections(period) if item.plugin == "sample"]
    assert (item.section.title, item.section.markdown) == ("Sample section", "From 2021-01-01.")


def test_a_report_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot end before it starts"):
        ReportPeriod(date(2021, 12, 31), date(2021, 1, 1))


@pytest.mark.usefixtures("enabled")
def test_a_plugin_permission_admits_its_holders_only(plugin_app, plugin_admin, member):
    focal_point = sign_in(plugin_app, make_focal_point("Sample Focal Point", "sample-theme"))
    other_focal_point = sign_in(plugin_app, make_focal_point("Other Focal Point", "ai"))
    assert focal_point.get("/themes/sample/review").status_code == 200
    assert sign_in(plugin_app, plugin_admin).get("/themes/sample/review").status_code == 200
    assert other_focal_point.get("/themes/sample/review").status_code == 403
    assert member.get("/themes/sample/review").status_code == 403
    anonymous = plugin_app.test_client().get("/themes/sample/review")
    assert anonymous.status_code == 302 and "/auth/login" in anonymous.location


def test_the_admin_page_lists_what_a_plugin_adds(plugin_app, plugin_admin):
    page = sign_in(plugin_app, plugin_admin).get("/admin/plugins/sample").get_data(as_text=True)
    assert "<code>sample.review</code>" in page
    assert "focal points of the theme &#39;sample-theme&#39;" in page
    assert "Greeting" in page and "<td>Hello</td>" in page and "<td>no</td>" in page


@pytest.mark.usefixtures("enabled")
def test_plugin_fields_extend_theme_updates_and_a_refusal_saves_no_update(plugin, plugin_app):
    ensure_theme(None, "sample-theme", "Sample theme", "", ThemeStatus.ACTIVE)
    writer = sign_in(plugin_app, make_focal_point("Sample Writer", "sample-theme"))
    url = "/themes/sample-theme/updates/new"
    assert f'name="{NOTE_FIELD}"' in writer.get(url).get_data(as_text=True)
    form = {"title": "Figures", "period_start": "2021-01-01", "period_end": "2021-06-30",
            "body": "Text.", "save": "y"}  # fmt: skip
    refused = writer.post_form(url, {**form, NOTE_FIELD: REFUSED_ANSWER}).get_data(as_text=True)
    assert "The sample plugin refuses that note." in refused
    assert db.session.scalar(select(func.count()).select_from(ThemeUpdate)) == 0
    assert writer.post_form(url, {**form, NOTE_FIELD: "kept"}).status_code == 302
    update = db.session.scalar(select(ThemeUpdate))
    assert plugin.update_note.saved == {update.id: "kept"}
