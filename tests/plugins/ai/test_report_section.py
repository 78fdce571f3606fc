"""The AI theme's section of the progress report, and its demo report."""

from __future__ import annotations

from datetime import date

import pytest
from iscg_ai.demo import TERMS_OF_REFERENCE
from iscg_ai.models import Activity, Report
from sqlalchemy import func, select

from iscg_module.demo.reference_group import load_reference_group
from iscg_module.extensions import db
from iscg_module.platform.api import ReportPeriod
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.testing.plugins import disable_plugin, report_markdown
from tests.plugins.ai.writing import activity, publish_report

pytestmark = pytest.mark.iscg_plugins("ai")

AUTUMN_2021 = ReportPeriod(date(2021, 8, 1), date(2021, 12, 31))
SECTION = "Artificial intelligence"


def test_the_section_lists_the_periods_reports_activities_and_terms_changes(
    app, writer, admin_client
):
    spring = {"period_start": "2021-01-01", "period_end": "2021-03-31", "title": "Spring report"}
    publish_report(writer, admin_client, [activity("Early work")], terms="Old terms.", **spring)
    rows = [activity("Multimedia and AI", group="ITU-T SG16", status="completed"),
            activity("AI glossary", sector="GS")]  # fmt: skip
    publish_report(writer, admin_client, rows, terms="New terms.\n\nSecond paragraph.")
    section = report_markdown(AUTUMN_2021)[SECTION]
    assert "Spring report" not in section.split("**Terms")[0]
    assert (
        "**AI activities coordinated across the Sectors** (01 March 2021 – 01 September 2021)."
        in (section)
    )
    assert "- ITU-T: ITU-T SG16: Multimedia and AI (completed)." in section
    assert "- General Secretariat: AI glossary (ongoing)." in section
    assert "changed them to:\n\n  > New terms.\n  >\n  > Second paragraph." in section


def test_a_period_without_reports_says_so_and_a_disabled_plugin_has_no_section(app, theme):
    assert report_markdown(AUTUMN_2021)[SECTION] == "No AI report on the period was published."
    disable_plugin("ai")
    assert SECTION not in report_markdown(AUTUMN_2021)


def test_the_demo_gives_the_published_ai_update_its_report_once(app, client):
    load_reference_group()
    load_plugin_demo_data()
    load_plugin_demo_data()
    assert db.session.scalar(select(func.count()).select_from(Report)) == 1
    report = db.session.scalar(select(Report))
    assert report.terms_of_reference == TERMS_OF_REFERENCE
    titles = [item.title for item in db.session.scalars(select(Activity).order_by(Activity.id))]
    assert titles == ["Coordination of AI activities across the Sectors",
                      "AI sub-group within the ISC-TF"]  # fmt: skip
    section = report_markdown(ReportPeriod(date(2021, 9, 1), date(2021, 9, 30)))[SECTION]
    assert "- General Secretariat: ISC-TF Focal Point for AI: Coordination of AI" in section
