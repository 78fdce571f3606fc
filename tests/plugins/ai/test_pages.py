"""Members read the published AI reports: the latest, all, by sector, changes, terms, CSV."""

from __future__ import annotations

import csv
import io

import pytest

from iscg_module.testing.factories import make_update
from iscg_module.testing.plugins import disable_plugin, enable_plugin
from iscg_module.theme_updates.models import UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from tests.plugins.ai.writing import activity, publish_report, write_report

pytestmark = pytest.mark.iscg_plugins("ai")

PAGES = ("/themes/ai/", "/themes/ai/reports/", "/themes/ai/activities", "/themes/ai/changes",
         "/themes/ai/terms-of-reference")  # fmt: skip
SG16 = activity("Multimedia and AI", group="ITU-T SG16")
FOCUS = activity("AI for good", sector="ITU-R", group="ITU-R WP 1B", status="planned")
Q7 = activity("AI for accessibility", sector="ITU-D", group="ITU-D Q7/1")


@pytest.fixture
def two_reports(app, writer, admin_client):
    first = publish_report(writer, admin_client, [SG16, FOCUS, Q7], terms="First terms.")
    later = [{**SG16, "status": "closed"}, {**FOCUS, "status": "ongoing"},
             activity("AI glossary", sector="GS")]  # fmt: skip
    second = publish_report(writer, admin_client, later, terms="Second terms.",
                            period_start="2021-09-02", period_end="2022-02-01",
                            title="AI report for early 2022")  # fmt: skip
    return first, second


def text_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_the_latest_report_shows_its_summary_activities_by_sector_and_terms(
    app, two_reports, member_client
):
    page = text_of(member_client, "/themes/ai/")
    assert "Latest report: AI report for early 2022" in page and "Second terms." in page
    assert (
        page.index(">ITU-R</h3>")
        < page.index(">ITU-T</h3>")
        < page.index(">General Secretariat</h3>")
    )
    assert ">ITU-D</h3>" not in page  # Q7/1 is not in the latest report
    assert "Write a new report" not in page


def test_a_writer_is_offered_the_update_form(app, two_reports, writer):
    assert 'href="/themes/ai/updates/new"' in text_of(writer, "/themes/ai/")


def test_every_published_report_is_listed_and_readable_and_drafts_are_not(
    app, two_reports, writer, member_client
):
    first, _second = two_reports
    draft = write_report(writer, [activity("A draft activity")], title="Draft report")
    assert draft.status_code == 302
    listed = text_of(member_client, "/themes/ai/reports/")
    assert listed.index("AI report for early 2022") < listed.index("coordinated across")
    assert "Draft report" not in listed
    page = text_of(member_client, f"/themes/ai/reports/{first.id}")
    assert "First terms." in page and ">ITU-D</h3>" in page and "AI for accessibility" in page
    draft_id = int(draft.location.rsplit("/", 1)[1])
    assert member_client.get(f"/themes/ai/reports/{draft_id}").status_code == 404
    assert member_client.get(f"/themes/ai/reports/{draft_id}/activities.csv").status_code == 404


def test_activities_page_counts_each_sectors_statuses(app, two_reports, member_client):
    page = text_of(member_client, "/themes/ai/activities")
    assert '<tr><th scope="row">ITU-T</th><td>0</td><td>0</td><td>0</td><td>1</td></tr>' in page
    assert "AI glossary" in page


def test_changes_between_two_reports(app, two_reports, member_client):
    first, second = two_reports
    page = text_of(member_client, "/themes/ai/changes")  # the two latest, by default
    assert "Activities added (1)" in page and "AI glossary" in page
    assert "Activities closed (1)" in page and "Multimedia and AI: ongoing → closed" in page
    assert (
        "Activities whose status changed (1)" in page and "AI for good: planned → ongoing" in page
    )
    assert "Activities no longer listed (1)" in page and "AI for accessibility" in page
    assert "Changed:" in page
    swapped = text_of(member_client, f"/themes/ai/changes?earlier={second.id}&later={first.id}")
    assert "Activities added (1)" in swapped and "AI glossary" in swapped  # put in order


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("earlier=abc&later=1", "Earlier report: Choose one of the published AI reports"),
        ("earlier=999999", "Earlier report: Choose one of the published AI reports"),
        ("earlier=1", "Later report: Choose one of the published AI reports"),
    ],
)
def test_bad_report_choices_get_a_clear_message(app, two_reports, member_client, query, message):
    response = member_client.get(f"/themes/ai/changes?{query}")
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_the_same_report_twice_is_refused(app, two_reports, member_client):
    first, _ = two_reports
    response = member_client.get(f"/themes/ai/changes?earlier={first.id}&later={first.id}")
    assert response.status_code == 400
    assert "Choose two different reports." in response.get_data(as_text=True)


def test_changes_need_two_reports(app, theme, member_client):
    assert "Two published reports are needed" in text_of(member_client, "/themes/ai/changes")


def test_terms_history_lists_each_text_with_its_report(app, two_reports, member_client):
    page = text_of(member_client, "/themes/ai/terms-of-reference")
    assert page.index("Version 2 (current)") < page.index("Second terms.") < page.index(
        "Version 1"
    ) < page.index("First terms.")  # fmt: skip
    assert "Came with <a href=" in page


def test_csv_export_of_a_reports_activities_guards_against_formulas(
    app, writer, admin_client, member_client
):
    rows = [
        activity('=HYPERLINK("http://evil")', group="+SG", next_step="-1"),
        activity("@SUM(A1)"),
        activity("Plain title", link="https://www.itu.int/ai"),
    ]
    update = publish_report(writer, admin_client, rows)
    response = member_client.get(f"/themes/ai/reports/{update.id}/activities.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    table = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert table[0] == ["Sector", "Group or Question", "Title", "Status", "Next step", "Link"]
    assert table[1] == ["ITU-T", "'+SG", '\'=HYPERLINK("http://evil")', "ongoing", "'-1", ""]
    assert table[2][2] == "'@SUM(A1)"
    assert table[3] == ["ITU-T", "", "Plain title", "ongoing", "", "https://www.itu.int/ai"]


def test_a_report_of_another_theme_is_not_an_ai_report(app, two_reports, admin, member_client):
    other = ensure_theme(None, "climate-change", "Climate change", "", ThemeStatus.ACTIVE)
    update = make_update(other, admin, UpdateStatus.PUBLISHED)
    assert member_client.get(f"/themes/ai/reports/{update.id}").status_code == 404


def test_pages_are_for_signed_in_members(app, two_reports, client):
    first, _ = two_reports
    for url in (
        *PAGES,
        f"/themes/ai/reports/{first.id}",
        f"/themes/ai/reports/{first.id}/activities.csv",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.location.startswith("/auth/login"), url


def test_without_reports_the_pages_say_so(app, theme, member_client):
    for url in ("/themes/ai/", "/themes/ai/reports/", "/themes/ai/activities"):
        assert "No AI report is published yet." in text_of(member_client, url)


def test_disabled_the_pages_answer_404_and_come_back(app, two_reports, member_client):
    disable_plugin("ai")
    assert [member_client.get(url).status_code for url in PAGES] == [404] * len(PAGES)
    assert '/themes/ai/"' not in text_of(member_client, "/")
    enable_plugin("ai")
    assert "AI report for early 2022" in text_of(member_client, "/themes/ai/")


def test_pages_cost_the_same_queries_with_few_or_many_reports(
    app, writer, admin_client, member_client, count_queries
):
    first = publish_report(writer, admin_client, [SG16], terms="Terms.")
    urls = [
        *PAGES,
        f"/themes/ai/reports/{first.id}",
        f"/themes/ai/reports/{first.id}/activities.csv",
    ]
    few = [count_queries(member_client, url) for url in urls]
    for number in range(3):
        many = [activity(f"Activity {number}-{n}", status="completed") for n in range(5)]
        publish_report(writer, admin_client, [SG16, *many], terms=f"Terms {number}.",
                       period_end=f"2021-09-1{number}")  # fmt: skip
    assert [count_queries(member_client, url) for url in urls] == few
