"""The hour that happens twice when the clocks go back: the secretariat says which one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import make_meeting, utc
from tests.html_elements import elements_of
from tests.meetings.clocks_going_back import FALL_BACKS, first_fall_back, utc_offset, wall
from tests.meetings.test_meeting_forms import VALID

HALF_PAST_TWO = {**VALID, "starts_at": "2021-10-31T02:30", "ends_at": "2021-10-31T04:00"}
TWICE = (
    "02:30 on 31 October 2021 happens twice in Europe/Zurich: "
    "the clocks go back that night. Choose which one."
)
ZURICH_INSTANTS = [("earlier", utc(2021, 10, 31, 0, 30)), ("later", utc(2021, 10, 31, 1, 30))]
EDITABLE = {name: value for name, value in VALID.items() if name != "status"}


def _meetings() -> int:
    return db.session.scalar(select(func.count(Meeting.id)))


def _saved() -> Meeting:
    return db.session.scalar(select(Meeting))


def _checked(page: str, name: str) -> list[str | None]:
    return [
        attributes.get("value")
        for tag, attributes in elements_of(page)
        if tag == "input" and attributes.get("name") == name and "checked" in attributes
    ]


def _night_data(zone: str, year: int, **changes: str) -> dict[str, str]:
    night = first_fall_back(zone, year)
    start = wall(night.wall_time)
    end = wall(night.wall_time + timedelta(hours=3))
    return {**VALID, "timezone": zone, "starts_at": start, "ends_at": end, **changes}


def test_zurich_half_past_two_without_a_choice_is_refused_and_offers_both(admin_client):
    response = admin_client.post_form("/meetings/new", HALF_PAST_TWO)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was saved" in page
    assert f'<p class="field-error" id="starts_at-error"><span>{TWICE}</span>' in page
    assert 'aria-describedby="starts_at-error"' in page
    assert "<legend>Starts: which 02:30?</legend>" in page
    assert "The first, before the clocks go back (CEST, UTC+02:00)" in page
    assert "The second, after (CET, UTC+01:00)" in page
    assert 'name="starts_at_occurrence" type="radio" value="earlier"' in page
    assert 'name="ends_at_occurrence"' not in page
    assert _meetings() == 0


@pytest.mark.parametrize(("occurrence", "instant"), ZURICH_INSTANTS)
def test_zurich_half_past_two_is_saved_as_the_chosen_instant(admin_client, occurrence, instant):
    data = {**HALF_PAST_TWO, "starts_at_occurrence": occurrence}
    assert admin_client.post_form("/meetings/new", data).status_code == 302
    meeting = _saved()
    assert (meeting.starts_at, meeting.ends_at) == (instant, utc(2021, 10, 31, 3))


@pytest.mark.parametrize(("zone", "year"), FALL_BACKS)
def test_without_a_choice_every_zone_is_refused_with_its_offsets(admin_client, zone, year):
    night = first_fall_back(zone, year)
    page = admin_client.post_form("/meetings/new", _night_data(zone, year)).get_data(as_text=True)
    assert f"happens twice in {zone}: the clocks go back that night. Choose which one." in page
    assert f"{utc_offset(night.before)})" in page and f"{utc_offset(night.after)})" in page
    assert _meetings() == 0


@pytest.mark.parametrize("occurrence", ["earlier", "later"])
@pytest.mark.parametrize(("zone", "year"), FALL_BACKS)
def test_each_choice_saves_its_instant_in_every_zone(admin_client, zone, year, occurrence):
    night = first_fall_back(zone, year)
    data = _night_data(zone, year, starts_at_occurrence=occurrence)
    assert admin_client.post_form("/meetings/new", data).status_code == 302
    expected = night.earlier if occurrence == "earlier" else night.later
    assert _saved().starts_at == expected


def test_the_end_can_be_the_repeated_time_too(admin_client):
    data = {**HALF_PAST_TWO, "starts_at": "2021-10-31T01:00", "ends_at": "2021-10-31T02:30"}
    page = admin_client.post_form("/meetings/new", data).get_data(as_text=True)
    assert f'id="ends_at-error"><span>{TWICE}</span>' in page
    assert "<legend>Ends: which 02:30?</legend>" in page
    assert 'name="starts_at_occurrence"' not in page
    data["ends_at_occurrence"] = "later"
    assert admin_client.post_form("/meetings/new", data).status_code == 302
    assert _saved().ends_at == utc(2021, 10, 31, 1, 30)


def test_times_are_ordered_as_instants_across_the_repeated_hour(admin_client):
    crossing = {**VALID, "starts_at": "2021-10-31T02:45", "starts_at_occurrence": "earlier",
                "ends_at": "2021-10-31T02:15", "ends_at_occurrence": "later"}  # fmt: skip
    assert admin_client.post_form("/meetings/new", crossing).status_code == 302
    meeting = _saved()
    assert (meeting.starts_at, meeting.ends_at) == (utc(2021, 10, 31, 0, 45),
                                                    utc(2021, 10, 31, 1, 15))  # fmt: skip
    backwards = {**crossing, "starts_at": "2021-10-31T02:15", "starts_at_occurrence": "later",
                 "ends_at": "2021-10-31T02:45", "ends_at_occurrence": "earlier"}  # fmt: skip
    page = admin_client.post_form("/meetings/new", backwards).get_data(as_text=True)
    assert "The meeting must end after it starts." in page
    assert _meetings() == 1


@pytest.mark.parametrize(("occurrence", "start"), ZURICH_INSTANTS)
def test_editing_preselects_the_stored_occurrence_and_saving_unchanged_keeps_it(
    admin_client, admin, occurrence, start
):
    meeting = make_meeting(actor=admin, schedule=ExactTimes(start, utc(2021, 10, 31, 3)))
    form = admin_client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert 'value="2021-10-31T02:30"' in form
    assert _checked(form, "starts_at_occurrence") == [occurrence]
    assert "<legend>Starts: which 02:30?</legend>" in form
    assert "02:30 on 31 October 2021 happens twice in Europe/Zurich" in form
    assert "Choose which one." not in form and 'name="ends_at_occurrence"' not in form
    unchanged = {**EDITABLE, "starts_at": "2021-10-31T02:30", "ends_at": "2021-10-31T04:00",
                 "starts_at_occurrence": occurrence, "platform": "Zoom",
                 "join_url": "https://zoom.example.org/j/123456",
                 "description": "Coordination of **mutual interest** topics."}  # fmt: skip
    assert admin_client.post_form(f"/meetings/{meeting.id}/edit", unchanged).status_code == 302
    db.session.refresh(meeting)
    assert (meeting.starts_at, meeting.sequence) == (start, 0)


@pytest.mark.parametrize("occurrence", ["earlier", "later"])
@pytest.mark.parametrize(("zone", "year"), FALL_BACKS)
def test_editing_preselects_the_occurrence_in_every_zone(admin_client, zone, year, occurrence):
    night = first_fall_back(zone, year)
    start = night.earlier if occurrence == "earlier" else night.later
    meeting = make_meeting(
        timezone=zone, schedule=ExactTimes(start, night.later + timedelta(hours=3))
    )
    form = admin_client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert f'value="{wall(night.wall_time)}"' in form
    assert _checked(form, "starts_at_occurrence") == [occurrence]
    assert f"{utc_offset(night.before)})" in form and f"{utc_offset(night.after)})" in form


def test_a_time_that_happens_once_offers_no_choice(admin_client, admin):
    page = admin_client.post_form("/meetings/new", {**VALID, "title": ""}).get_data(as_text=True)
    assert "Nothing was saved" in page
    assert "_occurrence" not in page and "happens twice" not in page
    meeting = make_meeting(actor=admin)
    form = admin_client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert "_occurrence" not in form


def test_a_choice_sent_for_a_time_that_happens_once_is_ignored(admin_client):
    data = {**VALID, "starts_at_occurrence": "later", "ends_at_occurrence": "earlier"}
    assert admin_client.post_form("/meetings/new", data).status_code == 302
    assert _saved().starts_at == utc(2031, 9, 1, 12)


@pytest.mark.parametrize("data", [{**HALF_PAST_TWO, "starts_at_occurrence": "both"},
                                  {**VALID, "starts_at_occurrence": "fold=1"}])  # fmt: skip
def test_a_bad_choice_is_refused_beside_the_choice_and_nothing_saved(admin_client, data):
    response = admin_client.post_form("/meetings/new", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Nothing was saved" in page
    assert 'id="starts_at_occurrence-error"' in page
    assert 'aria-describedby="starts_at_occurrence-error"' in page or (
        'aria-describedby="starts_at_occurrence-hint starts_at_occurrence-error"' in page
    )
    assert "Choose the first or the second of the two times." in page
    assert _meetings() == 0


def test_a_choice_does_not_make_a_time_in_the_gap_exist(admin_client):
    data = {**VALID, "starts_at": "2031-03-30T02:30", "ends_at": "2031-03-30T04:00",
            "starts_at_occurrence": "later"}  # fmt: skip
    page = admin_client.post_form("/meetings/new", data).get_data(as_text=True)
    assert "does not exist on 30 March 2031 in Europe/Zurich" in page
    assert "_occurrence" not in page
    assert _meetings() == 0


@pytest.mark.parametrize(("start", "shown"), [
    (utc(2021, 10, 31, 0, 30), "Sunday 31 October 2021, 02:30 (CEST, UTC+02:00)–04:00 CET"),
    (utc(2021, 10, 31, 1, 30), "Sunday 31 October 2021, 02:30 (CET, UTC+01:00)–04:00 CET"),
])  # fmt: skip
def test_pages_and_lists_say_which_occurrence(client, start, shown):
    meeting = make_meeting(schedule=ExactTimes(start, utc(2021, 10, 31, 3)))
    assert shown in client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert shown in client.get("/meetings/").get_data(as_text=True)


def test_a_meeting_across_the_change_names_both_offsets(client):
    meeting = make_meeting(
        timezone="America/Sao_Paulo",
        schedule=ExactTimes(utc(2018, 2, 17, 20), utc(2018, 2, 18, 2, 30)),
    )
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Saturday 17 February 2018, 18:00 (UTC-02:00)–23:30 (UTC-03:00)" in page


def test_a_meeting_over_days_names_the_offset_of_its_repeated_end(client):
    meeting = make_meeting(
        timezone="America/Sao_Paulo",
        schedule=ExactTimes(utc(2018, 2, 16, 20), utc(2018, 2, 18, 2, 30)),
    )
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    shown = "Friday 16 February 2018, 18:00 -02 – Saturday 17 February 2018, 23:30 (UTC-03:00)"
    assert shown in page
