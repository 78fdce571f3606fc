"""The admin's agenda editor: add, edit, reorder, remove; bad input refused."""

from __future__ import annotations

from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import AgendaItem, Meeting
from iscg_module.testing.factories import make_meeting


def _titles(meeting: Meeting) -> list[str]:
    db.session.expire_all()
    return [item.title for item in db.session.get(Meeting, meeting.id).agenda_items]


def test_admin_adds_items_in_order(admin_client, admin):
    meeting = make_meeting(actor=admin)
    for title in ("Mapping tables", "Future themes"):
        response = admin_client.post_form(
            f"/meetings/{meeting.id}/agenda", {"title": title, "presenter": "Secretariat"}
        )
        assert response.status_code == 302
    assert _titles(meeting) == ["Mapping tables", "Future themes"]
    page = admin_client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert page.index("Mapping tables") < page.index("Future themes")


def test_item_without_title_or_too_long_is_refused(admin_client, admin):
    meeting = make_meeting(actor=admin)
    for data, message in (
        ({"title": ""}, "This field is required."),
        ({"title": "t" * 301}, "longer than 300"),
        ({"title": "ok", "notes": "n" * 4001}, "longer than 4000"),
        ({"title": "ok", "presenter": "p" * 201}, "longer than 200"),
    ):
        page = admin_client.post_form(f"/meetings/{meeting.id}/agenda", data).get_data(as_text=True)
        assert message in page and "Nothing was saved" in page
    assert _titles(meeting) == []


def test_admin_edits_moves_and_removes_items(admin_client, admin):
    meeting = make_meeting(actor=admin)
    first, second = (
        operations.add_agenda_item(admin, meeting, title, None, None) for title in ("A", "B")
    )
    base = f"/meetings/{meeting.id}/agenda"
    admin_client.post_form(f"{base}/{first.id}/edit", {"title": "A1", "presenter": "Chair"})
    admin_client.post_form(f"{base}/{second.id}/move", {"direction": "up"})
    assert _titles(meeting) == ["B", "A1"]
    admin_client.post_form(f"{base}/{second.id}/delete")
    assert _titles(meeting) == ["A1"]
    assert db.session.get(AgendaItem, first.id).presenter == "Chair"


def test_a_move_in_an_unknown_direction_changes_nothing(admin_client, admin):
    meeting = make_meeting(actor=admin)
    operations.add_agenda_item(admin, meeting, "A", None, None)
    second = operations.add_agenda_item(admin, meeting, "B", None, None)
    response = admin_client.post_form(
        f"/meetings/{meeting.id}/agenda/{second.id}/move",
        {"direction": "sideways"},
        follow_redirects=True,
    )
    assert "nothing changed" in response.get_data(as_text=True)
    assert _titles(meeting) == ["A", "B"]


def test_an_item_of_another_meeting_is_404(admin_client, admin):
    meeting, other = make_meeting(actor=admin), make_meeting(actor=admin)
    item = operations.add_agenda_item(admin, other, "Elsewhere", None, None)
    assert admin_client.get(f"/meetings/{meeting.id}/agenda/{item.id}/edit").status_code == 404
    response = admin_client.post_form(f"/meetings/{meeting.id}/agenda/{item.id}/delete")
    assert response.status_code == 404
    assert _titles(other) == ["Elsewhere"]


def test_members_cannot_touch_the_agenda(member_client, admin):
    meeting = make_meeting(actor=admin)
    item = operations.add_agenda_item(admin, meeting, "Kept", None, None)
    assert member_client.get(f"/meetings/{meeting.id}/agenda").status_code == 403
    response = member_client.post_form(f"/meetings/{meeting.id}/agenda/{item.id}/delete")
    assert response.status_code == 403
    assert _titles(meeting) == ["Kept"]
