"""The AI report's fields on the core's update form: rows of activities and the terms."""

from __future__ import annotations

import pytest
from iscg_ai.forms import ActivityRow
from iscg_ai.models import Activity, ActivityStatus, Report
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.platform.api import Sector
from iscg_module.testing.plugins import disable_plugin, enable_plugin
from iscg_module.theme_updates.models import ThemeUpdate, ThemeUpdateVersion
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from tests.plugins.ai.writing import UPDATE, activity, form_data, publish_report, write_report

pytestmark = pytest.mark.iscg_plugins("ai")

SG16 = activity("Multimedia and AI", group="ITU-T SG16", next_step="Report to TSAG.",
                link="https://www.itu.int/en/ITU-T/studygroups/com16")  # fmt: skip
Q7 = activity("AI for accessibility", sector="ITU-D", group="ITU-D Q7/1", status="planned")


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def saved_activities(update: ThemeUpdate, version: int) -> list[tuple]:
    query = select(Report).where(Report.update_id == update.id, Report.version == version)
    report = db.session.scalar(query)
    return [(item.sector, item.group, item.title, item.status) for item in report.activities]


def test_the_fields_are_on_the_ai_update_form_only(app, writer, focal_point_of):
    page = writer.get("/themes/ai/updates/new").get_data(as_text=True)
    assert 'name="ai__activities-0-sector"' in page and 'name="ai__terms_of_reference"' in page
    ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)
    other = focal_point_of("accessibility").get("/themes/accessibility/updates/new")
    assert other.status_code == 200 and "ai__activities" not in other.get_data(as_text=True)


def test_rows_are_drawn_as_numbered_fieldsets_with_labels_tied_to_inputs(app, writer):
    page = writer.get("/themes/ai/updates/new").get_data(as_text=True)
    # No report is published yet, so the form has three blank rows and no more.
    assert [f"<legend>Activity {n}</legend>" in page for n in (1, 2, 3, 4)] == [True] * 3 + [False]
    assert '<label for="ai__activities-1-title">Title</label>' in page
    assert 'id="ai__activities-1-title"' in page


def test_a_focal_point_saves_activities_and_terms_with_the_version(app, writer):
    response = write_report(writer, [SG16, Q7])
    assert response.status_code == 302
    update = db.session.scalar(select(ThemeUpdate))
    assert saved_activities(update, 1) == [
        (Sector.ITU_T, "ITU-T SG16", "Multimedia and AI", ActivityStatus.ONGOING),
        (Sector.ITU_D, "ITU-D Q7/1", "AI for accessibility", ActivityStatus.PLANNED),
    ]
    report = db.session.scalar(select(Report))
    assert report.terms_of_reference == "The AI sub-group works within the ISC-TF."
    assert report.activities[0].link == "https://www.itu.int/en/ITU-T/studygroups/com16"
    edit = writer.get(f"/themes/ai/updates/{update.id}/edit").get_data(as_text=True)
    assert 'value="Multimedia and AI"' in edit and "<legend>Activity 5</legend>" in edit


def test_every_version_keeps_its_own_activities(app, writer):
    response = write_report(writer, [SG16])
    edit = f"{response.location}/edit"
    assert write_report(writer, [{**SG16, "status": "completed"}, Q7], url=edit).status_code == 302
    update = db.session.scalar(select(ThemeUpdate))
    assert [status for *_, status in saved_activities(update, 1)] == [ActivityStatus.ONGOING]
    assert [status for *_, status in saved_activities(update, 2)] == [
        ActivityStatus.COMPLETED, ActivityStatus.PLANNED,
    ]  # fmt: skip
    assert rows(Report) == 2 and rows(Activity) == 3


def test_a_new_report_starts_from_the_latest_published_one(app, writer, admin_client):
    publish_report(writer, admin_client, [SG16], terms="Terms of 2021.")
    page = writer.get("/themes/ai/updates/new").get_data(as_text=True)
    assert 'value="Multimedia and AI"' in page and "Terms of 2021." in page
    assert "<legend>Activity 4</legend>" in page and "<legend>Activity 5</legend>" not in page


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"title": "Half a row"}, "Activity 2, Sector: Choose the sector of this activity"),
        ({"sector": "ITU-R", "status": "planned"}, "Activity 2, Title: Give this activity a title"),
        (
            activity("x", link="javascript:alert(1)"),
            "Activity 2, Link (optional): Give an address starting",
        ),
        (
            activity("x", link="ftp://example.org/a"),
            "Activity 2, Link (optional): Give an address starting",
        ),
        (activity("x" * 201), "Activity 2, Title: Field cannot be longer than 200 characters."),
        (activity("x", group="g" * 81), "Activity 2, Group or Question (optional): Field cannot"),
        (activity("x", sector="itu_t"), "Activity 2, Sector: Not a valid choice."),
        ({**SG16, "title": "multimedia and  AI"}, "Activities 1 and 2 are the same activity"),
    ],
)
def test_a_bad_row_is_refused_naming_it_and_nothing_is_saved(app, writer, row, message):
    page = write_report(writer, [SG16, row])
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Nothing was saved" in text and message in text
    assert rows(ThemeUpdate) == 0 and rows(ThemeUpdateVersion) == 0 and rows(Report) == 0


def test_too_long_terms_and_too_many_activities_are_refused(app, writer):
    page = write_report(writer, [SG16], terms="t" * 10_001).get_data(as_text=True)
    assert "Field cannot be longer than 10000 characters." in page
    many = [activity(f"Activity number {number}") for number in range(61)]
    page = write_report(writer, many).get_data(as_text=True)
    assert "Activities coordinated: A report lists at most 60 activities." in page
    assert rows(ThemeUpdate) == 0 and rows(Report) == 0


@pytest.mark.parametrize("sent", [64, 2_000])
def test_rows_past_the_cap_are_refused_by_name_and_never_built(app, writer, monkeypatch, sent):
    """The cost of a submission is bounded by the cap, whatever number of rows it names."""
    validated = []
    real = ActivityRow.validate
    monkeypatch.setattr(ActivityRow, "validate",
                        lambda row, *args: validated.append(row) or real(row, *args))  # fmt: skip
    many = [activity(f"Activity number {number}") for number in range(sent)]
    page = write_report(writer, many, blank=0).get_data(as_text=True)
    refused = (
        f"Activities coordinated: at most 63 rows can be sent at once, and this form sent {sent:,}."
    )
    assert refused in page
    assert len(validated) <= 63
    assert rows(ThemeUpdate) == 0 and rows(Report) == 0


def test_twenty_thousand_rows_are_too_large_a_request_to_read(app, writer):
    many = [activity(f"A {number}") for number in range(20_000)]
    response = write_report(writer, many, blank=0)
    assert response.status_code == 413 and "Nothing was saved" in response.get_data(as_text=True)
    assert rows(ThemeUpdate) == 0 and rows(Report) == 0


def test_blank_rows_are_ignored_wherever_they_are(app, writer):
    data = form_data([{}, SG16], blank=2)
    assert writer.post_form("/themes/ai/updates/new", {**data, "save": "y"}).status_code == 302
    assert [item.title for item in db.session.scalar(select(Report)).activities] == [
        "Multimedia and AI"
    ]


def test_only_the_themes_writers_post_the_form(app, theme, member_client, focal_point_of):
    assert member_client.get("/themes/ai/updates/new").status_code == 403
    assert write_report(member_client, [SG16]).status_code == 403
    assert write_report(focal_point_of("climate-change"), [SG16]).status_code == 403
    assert rows(ThemeUpdate) == 0 and rows(Report) == 0


def test_an_admin_writes_a_report_too(app, theme, admin_client):
    assert write_report(admin_client, [Q7]).status_code == 302
    assert rows(Activity) == 1


def test_disabled_the_fields_vanish_and_the_data_stays(app, writer):
    response = write_report(writer, [SG16])
    edit = f"{response.location}/edit"
    disable_plugin("ai")
    page = writer.get(edit).get_data(as_text=True)
    assert "ai__activities" not in page and "Multimedia and AI" not in page
    saved = writer.post_form(edit, {**UPDATE, "title": "Saved while disabled", "save": "y"})
    assert saved.status_code == 302 and rows(Report) == 1
    enable_plugin("ai")
    page = writer.get(edit).get_data(as_text=True)
    assert 'value="Multimedia and AI"' in page  # version 2 holds what version 1 saved
