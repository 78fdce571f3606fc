"""Liaison statements on the accessibility theme: recorded when agreed, completed when sent."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from iscg_accessibility.demo import LIAISON_TO_Q7_1, load_demo
from iscg_accessibility.models import LiaisonPurpose, LiaisonStatement
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.extensions import db
from iscg_module.platform.api import Attachment, attachment_url
from iscg_module.testing.attachments import PDF, WINDOWS_PROGRAM, form_file
from iscg_module.testing.plugins import disable_plugin, enable_plugin

pytestmark = pytest.mark.iscg_plugins("accessibility")

NEW = "/themes/accessibility/liaisons/new"
STATEMENT = {
    "title": "Work coordinated within the ISC-TF on accessibility (presentation)",
    "to_group": "ITU-D Q7/1",
    "purpose": "for_information",
    "summary": "The Focal Point's presentation, for information.",
    "documents": "ISCG/21-2/04-2",
    "agreed_on": "2021-09-01",
    "sent_on": "",
    "reply_by": "",
}


def statements() -> int:
    return db.session.scalar(select(func.count()).select_from(LiaisonStatement))


@pytest.fixture
def recorder(focal_point_of):
    return focal_point_of("accessibility")


@pytest.fixture
def statement(app, recorder) -> LiaisonStatement:
    assert recorder.post_form(NEW, STATEMENT).status_code == 302
    return db.session.scalar(select(LiaisonStatement))


def test_a_statement_agreed_is_listed_then_noted_as_sent(app, statement, recorder, member_client):
    index = member_client.get("/themes/accessibility/").get_data(as_text=True)
    assert "ITU-D Q7/1" in index and "not sent yet" in index
    edit = f"/themes/accessibility/liaisons/{statement.id}/edit"
    assert 'value="ISCG/21-2/04-2"' in recorder.get(edit).get_data(as_text=True)
    sent = {**STATEMENT, "purpose": "for_action", "sent_on": "2021-09-20", "reply_by": "2022-01-15"}
    assert recorder.post_form(edit, sent).status_code == 302
    db.session.expire_all()
    assert statement.purpose == LiaisonPurpose.FOR_ACTION
    page = member_client.get(f"/themes/accessibility/liaisons/{statement.id}")
    text = page.get_data(as_text=True)
    assert "Monday 20 September 2021" in text and "Saturday 15 January 2022" in text
    changed = db.session.scalar(
        select(AuditEntry).where(AuditEntry.action == "accessibility.liaison_changed")
    )
    assert changed.details["changed"] == ["purpose", "reply_by", "sent_on"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"sent_on": "2021-08-31"}, "It cannot be sent before the day it was agreed."),
        ({"reply_by": "2022-01-15"}, "Only a statement sent for action expects a reply."),
        (
            {"purpose": "for_action", "sent_on": "2021-09-20", "reply_by": "2021-09-10"},
            "The reply cannot be expected before the statement leaves.",
        ),
        ({"to_group": ""}, "This field is required."),
        ({"title": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"summary": "x" * 4001}, "Field cannot be longer than 4000 characters."),
        ({"agreed_on": "1 Sept"}, "Not a valid date value."),
        ({"agreed_on": "1821-09-01"}, "Give a date between 2000 and 2100."),
        ({"purpose": "for_gossip"}, "Not a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(app, recorder, changes, message):
    response = recorder.post_form(NEW, {**STATEMENT, **changes})
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert statements() == 0


def test_a_refused_change_leaves_the_statement_as_it_was(app, statement, recorder):
    edit = f"/themes/accessibility/liaisons/{statement.id}/edit"
    response = recorder.post_form(edit, {**STATEMENT, "to_group": "TSAG", "sent_on": "2020-01-01"})
    assert "Nothing was saved" in response.get_data(as_text=True)
    db.session.expire_all()
    assert statement.to_group == "ITU-D Q7/1" and statement.sent_on is None


def test_only_the_themes_focal_points_and_admins_record(
    app, statement, focal_point_of, member_client, chair_client, admin_client
):
    edit = f"/themes/accessibility/liaisons/{statement.id}/edit"
    for client in (focal_point_of("ai"), member_client, chair_client):
        assert client.get(NEW).status_code == 403
        assert client.post_form(NEW, STATEMENT).status_code == 403
        assert client.post_form(edit, {**STATEMENT, "to_group": "TSAG"}).status_code == 403
        page = client.get(f"/themes/accessibility/liaisons/{statement.id}").get_data(as_text=True)
        assert "Change it" not in page
    assert admin_client.get(edit).status_code == 200
    assert statements() == 1


def test_anonymous_visitors_are_sent_to_sign_in(app, statement, client):
    response = client.get(f"/themes/accessibility/liaisons/{statement.id}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/auth/login")


def test_disabling_hides_the_statements_and_keeps_them(app, statement, member_client):
    disable_plugin("accessibility")
    assert member_client.get(f"/themes/accessibility/liaisons/{statement.id}").status_code == 404
    assert statements() == 1
    enable_plugin("accessibility")
    assert member_client.get(f"/themes/accessibility/liaisons/{statement.id}").status_code == 200


def test_the_demo_records_the_statement_to_itu_d_q7_1_once(app):
    load_demo()
    load_demo()
    (recorded,) = db.session.scalars(select(LiaisonStatement)).all()
    assert recorded.to_group == "ITU-D Q7/1" and recorded.title == LIAISON_TO_Q7_1.title
    assert recorded.purpose == LiaisonPurpose.FOR_INFORMATION and recorded.sent_on is None


def test_a_statement_carries_files_that_members_download(app, recorder, member_client):
    sent = {**STATEMENT, "files": [form_file(PDF, "Presentation ISC-TF.pdf")]}
    assert recorder.post_form(NEW, sent).status_code == 302
    statement = db.session.scalar(select(LiaisonStatement))
    (attached,) = statement.attachments
    page = member_client.get(f"/themes/accessibility/liaisons/{statement.id}").get_data(
        as_text=True
    )
    link = urlsplit(attachment_url(attached)).path
    assert f'href="{link}"' in page and "Presentation ISC-TF.pdf" in page
    assert member_client.get(link).data == PDF

    edit = f"/themes/accessibility/liaisons/{statement.id}/edit"
    assert "Remove Presentation ISC-TF.pdf" in recorder.get(edit).get_data(as_text=True)
    assert recorder.post_form(edit, {**STATEMENT, "remove_files": [attached.id]}).status_code == 302
    db.session.expire_all()
    assert statement.attachments == []


def test_a_refused_file_saves_nothing(app, recorder):
    sent = {**STATEMENT, "files": [form_file(WINDOWS_PROGRAM, "statement.pdf")]}
    response = recorder.post_form(NEW, sent)
    assert response.status_code == 200 and "Nothing was saved" in response.get_data(as_text=True)
    assert statements() == 0
    assert db.session.scalar(select(func.count()).select_from(Attachment)) == 0
