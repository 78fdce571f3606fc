"""Two tabs edit one meeting: the second save is refused, said so plainly and accessibly;
saving again from it, having read why, is the editor's choice and replaces the change."""

from __future__ import annotations

from iscg_module.testing.factories import make_meeting
from tests.browser.conftest import axe_violations, sign_in_as


def _edit_page(live_server) -> str:
    with live_server.app.app_context():
        meeting = make_meeting(title="Meeting edited in two tabs")
        return f"/meetings/{meeting.id}/edit"


def test_the_second_tab_is_told_who_changed_what_and_keeps_what_it_typed(page, live_server):
    edit = _edit_page(live_server)
    sign_in_as(page, "ISCG Secretariat")
    first = page
    second = page.context.new_page()
    first.goto(edit)
    second.goto(edit)

    first.get_by_label("Description").fill("Agenda sent by the first tab.")
    first.get_by_role("button", name="Save meeting").press("Enter")
    first.get_by_text("The meeting is updated.").wait_for()

    second.get_by_label("Title").fill("Retitled in the second tab")
    second.get_by_role("button", name="Save meeting").press("Enter")
    summary = second.get_by_role("alert")
    summary.wait_for()
    text = summary.inner_text()
    assert "ISCG Secretariat saved changes to this record since you opened it" in text
    assert "Changed since you opened it: Description." in text
    assert second.get_by_label("Title").input_value() == "Retitled in the second tab"
    assert axe_violations(second) == []

    shown = first.goto(edit.removesuffix("/edit"))
    assert shown.ok and "Agenda sent by the first tab." in first.content()
    assert "Retitled in the second tab" not in first.content()

    second.get_by_role("button", name="Save meeting").press("Enter")
    second.get_by_text("The meeting is updated.").wait_for()
    assert "Retitled in the second tab" in second.content()
    assert "Agenda sent by the first tab." not in second.content()
