"""One plugin's failure stays that plugin's: pages, forms and meetings work without it.

The broken plugin is installed before the well-behaved sample plugin, so that a failure
that escaped it would also keep the sample plugin's contributions and handler from running.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from iscg_module.access import PUBLIC, require
from iscg_module.meetings.models import Meeting, Registration
from iscg_module.platform.api import ReportPeriod, db
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.fixtures import running_app
from iscg_module.testing.form_client import FormClient
from iscg_module.testing.plugins import enable_plugin, hook_failures, report_markdown
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.roles import Role
from iscg_module.web.time_display import format_utc
from tests.platform.broken_plugin import (
    BROKEN_MESSAGE,
    ESCAPED_MESSAGE,
    BadlyDrawnPlugin,
    BrokenPlugin,
    FaultyFormPlugin,
)
from tests.platform.sample_plugin import RecordingPlugin

REGISTRY_LOGGER = "iscg_module.platform.registry"
DISPLAY_HOOKS = (
    "iscg_navigation",
    "iscg_dashboard_widgets",
    "iscg_meeting_panels",
    "iscg_form_extension",
    "iscg_report_sections",
)
MEETING = {
    "title": "Meeting despite a broken plugin",
    "description": "Agenda.",
    "timezone": "Europe/Zurich",
    "schedule_kind": "exact",
    "starts_at": "2031-09-01T14:00",
    "ends_at": "2031-09-01T16:00",
    "format": "virtual",
    "platform": "Zoom",
    "join_url": "https://zoom.example.org/j/42",
    "status": "confirmed",
}


@pytest.fixture
def broken(request: pytest.FixtureRequest) -> BrokenPlugin:
    """The broken plugin, failing unless the test says ``working``."""
    return BrokenPlugin(failing=getattr(request, "param", "failing") == "failing")


@pytest.fixture
def sample() -> RecordingPlugin:
    return RecordingPlugin()


@pytest.fixture
def both_app(database_url: str, broken: BrokenPlugin, sample: RecordingPlugin) -> Iterator[Flask]:
    for application in running_app(database_url, ISCG_EXTRA_PLUGINS=[broken, sample]):
        enable_plugin("broken")
        enable_plugin("sample")
        ensure_theme(None, "sample-theme", "Sample theme", "", ThemeStatus.ACTIVE)
        yield application


@pytest.fixture
def admin(both_app: Flask) -> FormClient:
    return sign_in(both_app, make_user("Broken Plugin Admin", Role.ADMIN))


def failed_hooks(name: str) -> set[str]:
    return {failure.hook for failure in hook_failures(name)}


def page(client: FormClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


@pytest.mark.parametrize("broken", ["working"], indirect=True)
def test_the_broken_plugin_adds_its_parts_while_it_works(both_app, admin):
    meeting = make_meeting()
    assert "Broken link" in page(admin, "/")
    assert "Broken widget" in page(admin, "/")
    assert "Broken meeting panel" in page(admin, f"/meetings/{meeting.id}")
    assert "Broken link" in page(admin, "/themes/")
    assert hook_failures("broken") == []


def test_pages_leave_the_broken_parts_out_and_keep_the_others(both_app, admin, caplog):
    meeting = make_meeting(title="Panelled meeting")
    with caplog.at_level(logging.ERROR, logger=REGISTRY_LOGGER):
        home = page(admin, "/")
        meeting_page = page(admin, f"/meetings/{meeting.id}")
        themes = page(admin, "/themes/")
        theme_page = page(admin, "/themes/sample/")
    assert "Sample widget" in home and 'href="/themes/sample/"' in home
    assert "Broken widget" not in home and "Broken link" not in home
    assert "Sample meeting panel" in meeting_page and "Broken meeting panel" not in meeting_page
    assert 'href="/themes/sample/"' in themes and "Broken link" not in themes
    assert theme_page == "sample theme page"
    assert {"iscg_navigation", "iscg_dashboard_widgets", "iscg_meeting_panels"} <= (
        failed_hooks("broken")
    )
    assert failed_hooks("sample") == set()
    logged = [record for record in caplog.records if record.name == REGISTRY_LOGGER]
    assert any("broken failed in iscg_navigation" in record.getMessage() for record in logged)
    assert all(record.exc_info and record.exc_info[0].__name__ == "PluginBug" for record in logged)


def test_the_report_keeps_the_other_plugins_sections(both_app):
    sections = report_markdown(ReportPeriod(date(2021, 1, 1), date(2021, 12, 31)))
    assert sections == {"Sample section": "From 2021-01-01."}
    assert "iscg_report_sections" in failed_hooks("broken")


def test_admin_pages_answer_and_the_plugins_page_shows_each_failure(both_app, admin):
    meeting = make_meeting()
    for url in ("/", f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/registration"):
        page(admin, url)
    report_markdown(ReportPeriod(date(2021, 1, 1), date(2021, 12, 31)))
    for url in ("/admin/", "/admin/users", "/admin/audit", "/admin/plugins/broken"):
        assert "Sample theme" in page(admin, url)
    listing = page(admin, "/admin/plugins")
    failures = hook_failures("broken")
    assert {failure.hook for failure in failures} == {*DISPLAY_HOOKS, "iscg_handle_event"}
    for failure in failures:
        assert datetime.now(UTC) - failure.at < timedelta(minutes=1)
        assert f"<code>{failure.hook}</code>" in listing
        assert format_utc(failure.at) in listing
    assert "<code>PluginBug</code>: " + ESCAPED_MESSAGE in listing
    assert BROKEN_MESSAGE not in listing
    assert "Recent errors in plugins" in listing and 'href="#errors-heading"' in listing


@pytest.mark.parametrize("broken", ["working"], indirect=True)
def test_the_plugins_page_shows_no_error_section_while_plugins_work(both_app, admin):
    listing = page(admin, "/admin/plugins")
    assert "Recent errors in plugins" not in listing
    assert "Broken theme" in listing


def test_the_500_page_still_renders_with_the_navigation_broken(both_app):
    def explode() -> str:
        raise RuntimeError("the page itself fails")

    both_app.add_url_rule("/explode", "explode", require(PUBLIC)(explode))
    both_app.config["PROPAGATE_EXCEPTIONS"] = False
    response = both_app.test_client().get("/explode")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in body and 'id="main"' in body
    assert 'href="/themes/sample/"' in body and "Broken link" not in body
    assert "iscg_navigation" in failed_hooks("broken")


def test_a_meeting_is_saved_and_other_handlers_hear_of_it(both_app, broken, sample, admin):
    response = admin.post_form("/meetings/new", MEETING)
    assert response.status_code == 302
    meeting = db.session.scalar(select(Meeting).where(Meeting.title == MEETING["title"]))
    assert meeting is not None
    assert ("meeting.scheduled", {"meeting_id": meeting.id}) in sample.events
    edited = admin.post_form(f"/meetings/{meeting.id}/edit", {**MEETING, "platform": "Teams"})
    assert edited.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).platform == "Teams"
    assert "meeting.changed" in [event for event, _payload in sample.events]
    assert broken.events == [] and "iscg_handle_event" in failed_hooks("broken")


def test_the_registration_form_works_without_the_broken_extension(both_app, sample, admin):
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/registration"
    form = page(admin, url)
    assert 'name="sample__note"' in form and "Faulty remark" not in form
    assert admin.post_form(url, {"attendance": "online", "sample__note": "hi"}).status_code == 302
    registration = db.session.scalar(select(Registration))
    assert sample.registration_note.saved == {registration.id: "hi"}
    assert "iscg_form_extension" in failed_hooks("broken")


@pytest.fixture
def faulty(request: pytest.FixtureRequest) -> FaultyFormPlugin:
    return FaultyFormPlugin(fails_in=request.param)


@pytest.fixture
def faulty_app(database_url: str, faulty: FaultyFormPlugin) -> Iterator[Flask]:
    for application in running_app(database_url, ISCG_EXTRA_PLUGINS=[faulty, RecordingPlugin()]):
        enable_plugin("faulty")
        enable_plugin("sample")
        yield application


@pytest.mark.parametrize("faulty", ["fields", "load", "check"], indirect=True)
def test_a_faulty_form_extension_leaves_the_form_usable(faulty_app, faulty):
    client = sign_in(faulty_app, make_user("Registering Member"))
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/registration"
    answers = {"attendance": "online", "sample__note": "kept", "faulty__remark": "dropped"}
    assert client.post_form(url, answers).status_code == 302
    registration = db.session.scalar(select(Registration))
    assert registration is not None and registration.attendance.value == "online"
    form = page(client, url)
    assert 'value="kept"' in form
    if faulty.note.fails_in == "load":  # the first form was new: nothing to load yet
        assert faulty.note.saved == {registration.id: "dropped"}
    else:
        assert faulty.note.saved == {}
    shown = faulty.note.fails_in == "check"
    assert ("Faulty remark" in form) is shown
    assert failed_hooks("faulty") == {f"iscg_form_extension: {faulty.note.fails_in}()"}


@pytest.fixture
def badly_drawn_app(database_url: str) -> Iterator[Flask]:
    plugins = [BadlyDrawnPlugin(), RecordingPlugin()]
    for application in running_app(database_url, ISCG_EXTRA_PLUGINS=plugins):
        enable_plugin("badly_drawn")
        enable_plugin("sample")
        yield application


def test_links_and_panels_that_cannot_be_drawn_are_left_out(badly_drawn_app):
    client = sign_in(badly_drawn_app, make_user("Reader Of Broken Drawings"))
    meeting = make_meeting(title="Meeting with an undrawable panel")
    home = page(client, "/")
    meeting_page = page(client, f"/meetings/{meeting.id}")
    assert "Link to nowhere" not in home and 'href="/themes/sample/"' in home
    assert "Undrawable widget" not in home and "Sample widget" in home
    assert "Undrawable panel" not in meeting_page and "Sample meeting panel" in meeting_page
    assert failed_hooks("badly_drawn") == {
        "iscg_navigation", "iscg_dashboard_widgets", "iscg_meeting_panels"
    }  # fmt: skip
