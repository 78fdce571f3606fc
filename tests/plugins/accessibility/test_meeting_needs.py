"""Members' accessibility needs, given with their meeting registration and counted for admins."""

from __future__ import annotations

import pytest
from iscg_accessibility.meeting_needs import Needs, save_needs
from iscg_accessibility.models import DocumentFormat, MeetingNeeds
from sqlalchemy import func, select

from iscg_module.extensions import db
from iscg_module.meetings import operations
from iscg_module.meetings.models import Attendance, Registration
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.factories import make_meeting
from iscg_module.testing.plugins import disable_plugin, enable_plugin

pytestmark = pytest.mark.iscg_plugins("accessibility")

NEEDS = {
    "accessibility__captioning": "y",
    "accessibility__sign_language_needed": "y",
    "accessibility__sign_language": "International Sign",
    "accessibility__accessible_documents": "y",
    "accessibility__document_format": "braille",
    "accessibility__other_needs": "  Step-free access to the room.  ",
}
BLANK = {
    "attendance": "online",
    "accessibility__sign_language": "",
    "accessibility__sign_language_other": "",
    "accessibility__document_format": "",
    "accessibility__other_needs": "",
}
MINE = "Your accessibility needs"
SUMMARY = "Accessibility needs of registered members"


def registration_url(meeting) -> str:
    return f"/meetings/{meeting.id}/registration"


def register(client, meeting, needs: dict[str, str]):
    """Post the form as a browser does: every list and text box, the ticked boxes only."""
    return client.post_form(registration_url(meeting), {**BLANK, **needs})


def page(client, meeting) -> str:
    return client.get(f"/meetings/{meeting.id}").get_data(as_text=True)


def count(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def register_with_needs(meeting, name: str, needs: Needs) -> Registration:
    """A registration made through the core operation, with needs saved beside it."""
    registration = operations.register_attendance(make_user(name), meeting, Attendance.ONLINE)
    save_needs(registration.id, meeting.id, needs)
    db.session.commit()
    return registration


def test_a_member_registers_with_needs_and_sees_them(member_client, member):
    meeting = make_meeting()
    form = member_client.get(registration_url(meeting)).get_data(as_text=True)
    assert "<legend>Accessibility needs</legend>" in form
    assert 'name="accessibility__sign_language"' in form
    assert register(member_client, meeting, NEEDS).status_code == 302
    row = db.session.scalar(select(MeetingNeeds))
    assert (row.captioning, row.sign_language, row.document_format, row.other_needs) == (
        True, "International Sign", DocumentFormat.BRAILLE, "Step-free access to the room.",
    )  # fmt: skip
    assert row.meeting_id == meeting.id
    shown = page(member_client, meeting)
    assert MINE in shown and SUMMARY not in shown
    assert "<li>Live captioning</li>" in shown
    assert "<li>Sign language interpretation: International Sign</li>" in shown
    assert "<li>Meeting documents in an accessible format: Braille</li>" in shown
    assert "<li>Other needs: Step-free access to the room.</li>" in shown
    assert f'href="{registration_url(meeting)}">Change your accessibility needs' in shown


def test_a_member_changes_their_needs_and_clearing_them_removes_the_row(member_client):
    meeting = make_meeting()
    register(member_client, meeting, NEEDS)
    typed = {
        "accessibility__sign_language_needed": "y",
        "accessibility__sign_language": "another",
        "accessibility__sign_language_other": " Italian Sign Language (LIS) ",
        "accessibility__accessible_documents": "y",
    }
    assert register(member_client, meeting, typed).status_code == 302
    row = db.session.scalar(select(MeetingNeeds))
    assert (row.captioning, row.sign_language, row.document_format, row.other_needs) == (
        False, "Italian Sign Language (LIS)", None, "",
    )  # fmt: skip
    form = member_client.get(registration_url(meeting)).get_data(as_text=True)
    assert '<option selected value="another">' in form
    assert 'value="Italian Sign Language (LIS)"' in form
    assert "any accessible format" in page(member_client, meeting)
    assert register(member_client, meeting, {}).status_code == 302
    assert count(MeetingNeeds) == 0
    assert count(Registration) == 1
    assert MINE not in page(member_client, meeting)


def test_admins_see_each_need_counted_among_active_registrations(admin_client):
    meeting = make_meeting()
    register_with_needs(meeting, "A", Needs(captioning=True, sign_language="International Sign"))
    register_with_needs(meeting, "B", Needs(sign_language="International Sign"))
    bsl = Needs(sign_language="British Sign Language (BSL)", other_needs="A seat near the screen.")
    register_with_needs(meeting, "C", bsl)
    register_with_needs(meeting, "D", Needs(accessible_documents=True))
    register_with_needs(
        meeting, "E", Needs(accessible_documents=True, document_format=DocumentFormat.LARGE_PRINT)
    )
    operations.register_attendance(make_user("F"), meeting, Attendance.ONLINE)
    gone = register_with_needs(meeting, "G", Needs(captioning=True, other_needs="Hearing loop."))
    operations.withdraw_registration(gone.user, gone)
    shown = page(admin_client, meeting)
    assert SUMMARY in shown and MINE not in shown
    assert "Services asked for by 5 of the 6 registered members" in shown
    assert '<th scope="row">Live captioning</th><td class="number">1</td>' in shown
    assert '<th scope="row">Sign language interpretation</th><td class="number">3</td>' in shown
    assert '<th scope="row">International Sign</th><td class="number">2</td>' in shown
    assert '<th scope="row">British Sign Language (BSL)</th><td class="number">1</td>' in shown
    assert '<th scope="row">Large print</th><td class="number">1</td>' in shown
    assert '<th scope="row">Any accessible format</th><td class="number">1</td>' in shown
    assert "<td>A seat near the screen.</td>" in shown
    assert "Hearing loop." not in shown  # withdrawn: kept, but not counted
    assert count(MeetingNeeds) == 6


def test_admins_see_when_nobody_asked_for_anything(admin_client):
    meeting = make_meeting()
    operations.register_attendance(make_user("A"), meeting, Attendance.ONLINE)
    shown = page(admin_client, meeting)
    assert "No registered member has asked for an accessibility service." in shown


def test_other_members_and_visitors_see_nobody_elses_needs(app, client, member_client):
    meeting = make_meeting()
    register_with_needs(meeting, "A", Needs(sign_language="International Sign"))
    for someone in (client, member_client):
        shown = page(someone, meeting)
        assert "International Sign" not in shown
        assert MINE not in shown and SUMMARY not in shown


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"accessibility__other_needs": "x" * 501}, "cannot be longer than 500 characters"),
        ({"accessibility__sign_language_other": "x" * 81}, "cannot be longer than 80 characters"),
        ({"accessibility__sign_language": "Klingon"}, "Not a valid choice"),
        (
            {"accessibility__sign_language_needed": None},
            "You named a sign language: tick “Sign language interpretation”",
        ),
        (
            {"accessibility__sign_language": ""},
            "Say which sign language you need: choose it in the list",
        ),
        (
            {"accessibility__sign_language": "another"},
            "Say which sign language you need",
        ),
        (
            {"accessibility__sign_language_other": "Italian Sign Language"},
            "You chose International Sign and also typed “Italian Sign Language”",
        ),
        (
            {"accessibility__accessible_documents": None},
            "You chose a document format: tick “Meeting documents in an accessible",
        ),
    ],
)
def test_bad_needs_are_refused_and_nothing_is_registered(member_client, changes, message):
    meeting = make_meeting()
    sent = {name: value for name, value in {**NEEDS, **changes}.items() if value is not None}
    response = register(member_client, meeting, sent)
    assert response.status_code == 200
    answer = response.get_data(as_text=True)
    assert "Nothing was saved" in answer and message in answer
    assert count(Registration) == 0
    assert count(MeetingNeeds) == 0


def test_a_disabled_plugin_hides_its_fields_and_panels_and_keeps_the_answers(
    member_client, admin_client
):
    meeting = make_meeting()
    register(member_client, meeting, NEEDS)
    disable_plugin("accessibility")
    form = member_client.get(registration_url(meeting)).get_data(as_text=True)
    assert "Accessibility needs" not in form and "accessibility__" not in form
    assert MINE not in page(member_client, meeting)
    assert SUMMARY not in page(admin_client, meeting)
    assert register(member_client, meeting, {}).status_code == 302  # saved without the fields
    assert count(MeetingNeeds) == 1
    enable_plugin("accessibility")
    form = member_client.get(registration_url(meeting)).get_data(as_text=True)
    assert '<option selected value="International Sign">' in form
    assert MINE in page(member_client, meeting)
    assert "Services asked for by 1 of the 1 registered members" in page(admin_client, meeting)


def test_the_meeting_page_queries_do_not_grow_with_registrations(app, admin, member, count_queries):
    meeting = make_meeting()
    operations.register_attendance(member, meeting, Attendance.ONLINE)
    save_needs(db.session.scalar(select(Registration.id)), meeting.id, Needs(captioning=True))
    db.session.commit()
    admin_client, member_client = sign_in(app, admin), sign_in(app, member)
    url = f"/meetings/{meeting.id}"
    admin_client.get(url)
    few = count_queries(admin_client, url), count_queries(member_client, url)
    for number in range(19):
        needs = Needs(sign_language=f"Sign language {number % 3}", other_needs=f"Need {number}")
        register_with_needs(meeting, f"Member {number}", needs)
    assert (count_queries(admin_client, url), count_queries(member_client, url)) == few
    assert "Services asked for by 20 of the 20 registered members" in page(admin_client, meeting)


def test_a_contradiction_is_shown_beside_the_field_to_change(member_client):
    meeting = make_meeting()
    sent = {name: value for name, value in NEEDS.items() if name != "accessibility__captioning"}
    sent.pop("accessibility__accessible_documents")
    answer = register(member_client, meeting, sent).get_data(as_text=True)
    error = answer.split('id="accessibility__accessible_documents-error"', 1)[1].split("</p>")[0]
    assert "You chose a document format" in error
    assert 'href="#accessibility__accessible_documents"' in answer  # linked from the summary
