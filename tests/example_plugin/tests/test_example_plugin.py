"""The example plugin, installed with pip, works through the plugin API alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, inspect, select

from iscg_example_plugin.models import EventCount, MeetingTopic, Note
from iscg_module.platform.api import ReportPeriod, db
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.plugins import disable_plugin, enable_plugin, report_markdown

TOPIC_FIELD = "example__topic"


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_its_tables_exist_while_it_is_disabled(app, member_client):
    assert member_client.get("/themes/example/").status_code == 404
    tables = set(inspect(db.engine).get_table_names())
    assert {"example_notes", "example_meeting_topics", "example_event_counts"} <= tables


@pytest.mark.iscg_plugins("example")
def test_members_see_its_page_link_and_widget(member_client, client):
    assert "<h1>Example theme</h1>" in member_client.get("/themes/example/").get_data(as_text=True)
    home = member_client.get("/").get_data(as_text=True)
    assert 'href="/themes/example/"' in home
    assert "Latest notes on the example theme" in home
    assert "Latest notes on the example theme" not in client.get("/").get_data(as_text=True)


@pytest.mark.iscg_plugins("example")
def test_a_focal_point_of_the_theme_writes_notes_and_others_may_not(
    app, focal_point_of, member_client
):
    writer = focal_point_of("example")
    outsider = focal_point_of("climate")
    assert member_client.get("/themes/example/notes/new").status_code == 403
    assert outsider.post_form("/themes/example/notes/new", {"body": "x"}).status_code == 403
    response = writer.post_form("/themes/example/notes/new", {"body": "Budget line drafted."})
    assert response.status_code == 302
    assert "Budget line drafted." in member_client.get("/themes/example/").get_data(as_text=True)
    assert "Budget line drafted." in member_client.get("/").get_data(as_text=True)


@pytest.mark.iscg_plugins("example")
@pytest.mark.parametrize(
    ("body", "message"), [("   ", "This field is required."), ("x" * 2001, "2000 characters")]
)
def test_a_bad_note_is_refused_with_a_message_and_nothing_saved(focal_point_of, body, message):
    page = focal_point_of("example").post_form("/themes/example/notes/new", {"body": body})
    assert page.status_code == 200
    assert message in page.get_data(as_text=True)
    assert count(Note) == 0


@pytest.mark.iscg_plugins("example")
def test_the_registration_form_carries_its_topic_field(app, admin, admin_client, member_client):
    meeting = make_meeting()
    url = f"/meetings/{meeting.id}/registration"
    assert TOPIC_FIELD in member_client.get(url).get_data(as_text=True)
    saved = member_client.post_form(url, {"attendance": "online", TOPIC_FIELD: "Captioning"})
    assert saved.status_code == 302
    assert db.session.scalar(select(MeetingTopic.topic)) == "Captioning"
    panel = "Topics members want to raise"
    assert "<li>Captioning</li>" in admin_client.get(f"/meetings/{meeting.id}").get_data(
        as_text=True
    )
    assert panel not in member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)

    disable_plugin("example", admin)
    assert TOPIC_FIELD not in member_client.get(url).get_data(as_text=True)
    member_client.post_form(url, {"attendance": "online"})
    assert db.session.scalar(select(MeetingTopic.topic)) == "Captioning"

    enable_plugin("example", admin)
    assert 'value="Captioning"' in member_client.get(url).get_data(as_text=True)


@pytest.mark.iscg_plugins("example")
def test_an_oversized_topic_refuses_the_whole_registration(app, member_client):
    meeting = make_meeting()
    page = member_client.post_form(
        f"/meetings/{meeting.id}/registration", {"attendance": "online", TOPIC_FIELD: "x" * 201}
    )
    assert "Nothing was saved" in page.get_data(as_text=True)
    assert count(MeetingTopic) == 0
    assert meeting.registrations == []


@pytest.mark.iscg_plugins("example")
def test_its_settings_change_the_page(admin_client, member_client):
    response = admin_client.post_form(
        "/admin/plugins/example/settings",
        {"setting__heading": "Accessibility notes", "setting__notes_shown": "5"},
    )
    assert response.status_code == 302
    assert "<h1>Accessibility notes</h1>" in member_client.get("/themes/example/").get_data(
        as_text=True
    )
    assert "Latest notes" not in member_client.get("/").get_data(as_text=True)  # widget off


@pytest.mark.iscg_plugins("example")
def test_its_report_section_lists_the_notes_of_the_period(app, focal_point_of):
    focal_point_of("example").post_form("/themes/example/notes/new", {"body": "Fund replenished."})
    today = date.today()
    period = ReportPeriod(today - timedelta(days=1), today + timedelta(days=1))
    assert "Fund replenished." in report_markdown(period)["Example theme: notes"]
    earlier = ReportPeriod(today - timedelta(days=30), today - timedelta(days=20))
    assert report_markdown(earlier)["Example theme: notes"] == "No note was written in the period."


def test_it_counts_core_events_only_while_enabled(app, admin):
    make_meeting()
    assert count(EventCount) == 0
    enable_plugin("example", admin)
    make_meeting()
    make_meeting()
    db.session.rollback()  # the handler's own transaction committed its count
    counts = {row.event: row.count for row in db.session.scalars(select(EventCount))}
    assert counts == {"meeting.scheduled": 2}
