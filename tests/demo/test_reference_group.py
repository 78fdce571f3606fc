"""The demo data is the group's life as its 2021 progress report tells it, loaded once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from iscg_module.demo.reference_group import NEXT_MEETING_UID, SEPTEMBER_MEETING_UID
from iscg_module.extensions import db
from iscg_module.meetings.models import AgendaItem, Meeting, MeetingFormat, MeetingStatus
from iscg_module.testing.factories import utc
from iscg_module.themes.models import Theme, ThemeStatus
from iscg_module.users.models import RoleGrant, User
from iscg_module.users.roles import Role

REFERENCE = Path(__file__).resolve().parents[3] / "shared/reference/iscg-progress-report-2021.txt"


def _counts() -> tuple[int, ...]:
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Meeting, AgendaItem, Theme, User, RoleGrant)
    )


@pytest.fixture
def demo(app):
    result = app.test_cli_runner().invoke(args=["iscg", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_command_reports_what_it_loaded(demo):
    assert "Demo data ready: 2 meetings, 7 themes, 3 theme updates, 6 demo accounts." in demo


def test_loading_twice_changes_nothing(app, demo):
    before = _counts()
    assert app.test_cli_runner().invoke(args=["iscg", "demo"]).exit_code == 0
    assert _counts() == before


def test_the_september_2021_meeting(demo):
    meeting = db.session.scalar(select(Meeting).where(Meeting.uid == SEPTEMBER_MEETING_UID))
    assert meeting.local_starts_at.date() == date(2021, 9, 1)
    assert meeting.starts_at == utc(2021, 9, 1, 12)
    assert meeting.format is MeetingFormat.VIRTUAL and meeting.platform == "Zoom"
    assert meeting.status is MeetingStatus.CONFIRMED
    notes = " ".join(item.notes or "" for item in meeting.agenda_items)
    for symbol in ("ISCG/21-2/3-1", "ISCG/21-2/04-1", "ISCG/21-2/04-2", "ISCG/21-2/INF-1"):
        assert symbol in notes
    assert any("100k CHF/year" in (item.notes or "") for item in meeting.agenda_items)


def test_the_next_meeting_is_a_tentative_window(demo):
    meeting = db.session.scalar(select(Meeting).where(Meeting.uid == NEXT_MEETING_UID))
    assert meeting.status is MeetingStatus.TENTATIVE
    assert (meeting.earliest_date, meeting.latest_date) == (date(2022, 1, 24), date(2022, 2, 4))
    assert "end of January or beginning of February 2022" in meeting.description


def test_themes_focal_points_and_proposals(demo):
    themes = {theme.slug: theme for theme in db.session.scalars(select(Theme))}
    assert {slug for slug, t in themes.items() if t.status is ThemeStatus.ACTIVE} == {
        "ai", "accessibility", "climate-change",
    }  # fmt: skip
    assert themes["conformance-interoperability"].status is ThemeStatus.PROPOSED
    focal_points = {
        grant.user.display_name: grant.theme_id
        for grant in db.session.scalars(select(RoleGrant).where(RoleGrant.role == Role.FOCAL_POINT))
    }
    assert focal_points == {
        "ISC-TF Focal Point for AI": themes["ai"].id,
        "Focal Point for Accessibility": themes["accessibility"].id,
    }


def test_demo_pages_show_the_groups_life(client, demo):
    meetings = client.get("/meetings/").get_data(as_text=True)
    assert "Wednesday 1 September 2021, 14:00–16:00 CEST" in meetings
    assert "Tentatively between Monday 24 January 2022 and Friday 4 February 2022" in meetings
    assert "ISCG Secretariat" in client.get("/auth/login").get_data(as_text=True)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference report is not beside the project")
def test_every_document_symbol_of_the_demo_is_in_the_reference_report(demo):
    report = REFERENCE.read_text(encoding="utf-8")
    notes = " ".join(
        db.session.scalars(select(AgendaItem.notes).where(AgendaItem.notes.is_not(None)))
    )
    symbols = set(re.findall(r"ISCG/\d{2}-\d/[\w-]+", notes))
    assert symbols and all(symbol in report for symbol in symbols)
