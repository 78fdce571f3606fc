"""What the meeting pages show, and to whom."""

from __future__ import annotations

from datetime import date

from iscg_module.meetings import operations
from iscg_module.meetings.schedule import ExactTimes
from iscg_module.testing.factories import at, make_meeting, make_tentative_window, next_week_at

JOIN = "https://zoom.example.org/j/123456"


def test_join_link_is_shown_only_to_signed_in_members(client, member_client):
    meeting = make_meeting()
    anonymous = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert JOIN not in anonymous
    assert "Sign in to see the join link" in anonymous
    signed_in = member_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert f'href="{JOIN}"' in signed_in


def test_times_in_the_meeting_zone_and_data_for_the_readers_zone(client):
    meeting = make_meeting(schedule=ExactTimes(at(2031, 1, 15, 9), at(2031, 1, 15, 11)))
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Wednesday 15 January 2031, 09:00–11:00 CET" in page
    assert 'data-start="2031-01-15T08:00:00+00:00"' in page
    assert 'data-zone="Europe/Zurich"' in page


def test_page_offers_calendar_links(client):
    meeting = make_meeting()
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert f'href="/meetings/{meeting.id}.ics"' in page
    assert "webcal://iscg.test/calendar.ics" in page
    assert "calendar.google.com/calendar/render?action=TEMPLATE" in page
    assert "outlook.office.com/calendar/0/deeplink/compose" in page


def test_description_markdown_is_rendered_and_sanitised(client):
    meeting = make_meeting(
        description="**Bold** <script>alert(1)</script> [x](javascript:alert(2)) "
        '<img src=x onerror="alert(3)">'
    )
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "<strong>Bold</strong>" in page
    assert "<script>alert" not in page
    assert 'href="javascript:' not in page
    assert "<img" not in page


def test_lists_separate_upcoming_and_past_and_mark_cancelled(client, admin):
    past = make_meeting(title="Held in 2021", schedule=ExactTimes(at(2021, 9, 1, 14),
                                                                 at(2021, 9, 1, 16)))  # fmt: skip
    soon = make_meeting(title="Coming soon")
    dropped = make_meeting(title="Called off", schedule=ExactTimes(
        next_week_at(days=9), next_week_at(hour=16, days=9)))  # fmt: skip
    operations.cancel_meeting(admin, dropped)
    page = client.get("/meetings/").get_data(as_text=True)
    upcoming, past_part = page.split('id="past-heading"')
    assert "Coming soon" in upcoming and "Called off" in upcoming
    assert "Held in 2021" in past_part and "Held in 2021" not in upcoming
    assert "meeting-list__item--cancelled" in upcoming
    assert past.id and soon.id


def test_window_meeting_page_says_it_is_tentative(client):
    meeting = make_tentative_window(date(2032, 1, 26), date(2032, 2, 6))
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Tentatively between" in page and "date to be confirmed" in page


def test_past_meetings_are_paged_without_growing_queries(client, count_queries):
    for day in range(1, 4):
        make_meeting(schedule=ExactTimes(at(2020, 3, day, 9), at(2020, 3, day, 10)))
    few = count_queries(client, "/meetings/")
    for day in range(4, 30):
        make_meeting(schedule=ExactTimes(at(2020, 3, day, 9), at(2020, 3, day, 10)))
    assert count_queries(client, "/meetings/") == few
    second_page = client.get("/meetings/?page=2").get_data(as_text=True)
    assert "Newer meetings" in second_page
    assert client.get("/meetings/?page=-3").status_code == 200


def test_meeting_page_queries_do_not_grow_with_agenda_or_registrations(
    member_client, admin, count_queries
):
    from iscg_module.meetings.models import Attendance
    from iscg_module.testing.accounts import make_user

    meeting = make_meeting()
    operations.add_agenda_item(admin, meeting, "Only item", None, None)
    few = count_queries(member_client, f"/meetings/{meeting.id}")
    for number in range(15):
        operations.add_agenda_item(admin, meeting, f"Item {number}", "Someone", "Notes")
        operations.register_attendance(make_user(f"M{number}"), meeting, Attendance.ONLINE)
    assert count_queries(member_client, f"/meetings/{meeting.id}") == few


def _soon(day: int) -> None:
    schedule = ExactTimes(next_week_at(days=day), next_week_at(hour=16, days=day))
    make_meeting(title=f"Soon {day}", schedule=schedule)


def test_upcoming_meetings_are_paged_too(client, count_queries):
    for day in range(1, 4):
        _soon(day)
    few = count_queries(client, "/meetings/")
    for day in range(4, 31):
        _soon(day)
    assert count_queries(client, "/meetings/") == few
    first = client.get("/meetings/").get_data(as_text=True)
    assert first.count("meeting-list__item") == 25 and "Later meetings" in first
    second = client.get("/meetings/?later=2").get_data(as_text=True)
    assert second.count("meeting-list__item") == 5 and "Sooner meetings" in second
