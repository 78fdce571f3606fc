"""Two editors open the same record: the second save is refused, naming what changed and who.

Every edit form of the core and of the shipped plugins is tried the same way. Ada and
Grace open the form; Ada saves a change; Grace's save of her own change, made on the form
she opened before, is refused with Ada's name and the field, and nothing of Grace's is
saved. Saving again from the refused form, now at the current revision, keeps Grace's
change: she chose to, having read the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from flask import Flask
from sqlalchemy import select

from iscg_module.extensions import db
from iscg_module.meetings import operations as meetings
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.testing.accounts import make_user, sign_in
from iscg_module.testing.browser_form import form_on_page
from iscg_module.testing.factories import make_meeting, make_update
from iscg_module.testing.form_client import FormClient
from iscg_module.testing.plugins import enable_every_plugin
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.roles import Role


@dataclass(frozen=True)
class EditPage:
    """An edit form, the field the two editors change, and that field's label."""

    url: str
    field: str
    label: str
    ada: str = "Ada's"
    grace: str = "Grace's"


def _pages(app: Flask) -> dict[str, EditPage]:
    from iscg_accessibility.liaisons import all_liaisons
    from iscg_climate.indicators import ValueDetails, all_indicators, record_value

    load_plugin_demo_data()
    enable_every_plugin()
    meeting = make_meeting(title="Meeting both edit")
    item = meetings.add_agenda_item(None, meeting, "Opening", None, None)
    theme = ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)
    update = make_update(theme, make_user("Writer", Role.ADMIN))
    indicator = all_indicators()[0]
    value = record_value(None, indicator, ValueDetails(date(2021, 1, 1), date(2021, 12, 31),
                                                       Decimal("12")))  # fmt: skip
    liaison = all_liaisons()[0]
    return {
        "meeting": EditPage(f"/meetings/{meeting.id}/edit", "title", "Title"),
        "agenda item": EditPage(f"/meetings/{meeting.id}/agenda/{item.id}/edit", "title", "Item"),
        "theme update": EditPage(f"/themes/accessibility/updates/{update.id}/edit", "title",
                                 "Title"),
        "plugin settings": EditPage("/admin/plugins/example/settings", "setting__heading",
                                    "Page heading"),
        "liaison statement": EditPage(f"/themes/accessibility/liaisons/{liaison.id}/edit",
                                      "title", "Subject"),
        "climate indicator": EditPage(f"/themes/climate/indicators/{indicator.id}/edit",
                                      "description", "Description"),
        "climate value": EditPage(f"/themes/climate/values/{value.id}/edit", "note", "Note"),
    }  # fmt: skip


PAGES = (
    "meeting", "agenda item", "theme update", "plugin settings", "liaison statement",
    "climate indicator", "climate value",
)  # fmt: skip


@pytest.fixture
def editors(app: Flask) -> tuple[FormClient, FormClient]:
    ada = sign_in(app, make_user("Ada Admin", Role.ADMIN))
    grace = sign_in(app, make_user("Grace Admin", Role.ADMIN))
    return ada, grace


def _open(client: FormClient, page: EditPage) -> dict[str, object]:
    response = client.get(page.url)
    assert response.status_code == 200, (page.url, response.status_code)
    fields = form_on_page(response.get_data(as_text=True), page.url)
    assert fields.get("revision"), f"{page.url} carries no revision"
    return fields


def _shown(client: FormClient, page: EditPage) -> object:
    return form_on_page(client.get(page.url).get_data(as_text=True), page.url)[page.field]


@pytest.mark.parametrize("name", PAGES)
def test_the_second_save_of_a_stale_form_is_refused_and_nothing_is_overwritten(app, editors, name):
    page = _pages(app)[name]
    ada, grace = editors
    adas_form, graces_form = _open(ada, page), _open(grace, page)

    saved = ada.post(page.url, data={**adas_form, page.field: page.ada})
    assert saved.status_code == 302, saved.get_data(as_text=True)
    refused = grace.post(page.url, data={**graces_form, page.field: page.grace})

    assert refused.status_code == 200
    html = refused.get_data(as_text=True)
    assert "Ada Admin saved changes to this record since you opened it" in html
    assert f"Changed since you opened it: {page.label}." in html
    assert _shown(ada, page) == page.ada
    again = form_on_page(html, page.url)
    assert again[page.field] == page.grace  # what Grace typed is still on her form
    assert again["revision"] != graces_form["revision"]

    kept = grace.post(page.url, data=again)
    assert kept.status_code == 302, kept.get_data(as_text=True)
    assert _shown(ada, page) == page.grace


@pytest.mark.parametrize("name", PAGES)
def test_saving_an_unchanged_record_twice_from_one_form_is_no_conflict(app, editors, name):
    page = _pages(app)[name]
    ada, _grace = editors
    form = _open(ada, page)
    assert ada.post(page.url, data={**form, page.field: page.ada}).status_code == 302
    reopened = _open(ada, page)
    assert ada.post(page.url, data={**reopened, page.field: page.grace}).status_code == 302
    assert _shown(ada, page) == page.grace


@pytest.mark.parametrize("name", ["meeting", "theme update"])
def test_a_garbled_revision_is_refused_with_a_clear_message(app, editors, name):
    page = _pages(app)[name]
    ada, _grace = editors
    form = _open(ada, page)
    answer = ada.post(page.url, data={**form, "revision": "not a revision", page.field: "X"})
    assert answer.status_code == 200
    assert "could not tell which version of the record it shows" in answer.get_data(as_text=True)
    assert _shown(ada, page) != "X"


def test_the_refusal_names_each_editor_since_once(app, editors):
    page = _pages(app)["meeting"]
    ada, grace = editors
    carol = sign_in(app, make_user("Carol Chair-Admin", Role.ADMIN))
    graces_form = _open(grace, page)
    for client, title in ((ada, "One"), (carol, "Two"), (ada, "Three")):
        fields = _open(client, page)
        assert client.post(page.url, data={**fields, "title": title}).status_code == 302
    html = grace.post(page.url, data={**graces_form, "title": "Mine"}).get_data(as_text=True)
    assert "Ada Admin, Carol Chair-Admin saved changes" in html


def test_the_meeting_is_unchanged_in_the_database_after_the_refusal(app, editors):
    from iscg_module.meetings.models import Meeting

    page = _pages(app)["meeting"]
    ada, grace = editors
    adas_form, graces_form = _open(ada, page), _open(grace, page)
    ada.post(page.url, data={**adas_form, "venue": "Room A", "format": "hybrid"})
    grace.post(page.url, data={**graces_form, "description": "Grace's words"})
    db.session.expire_all()
    stored = db.session.scalar(select(Meeting).where(Meeting.title == "Meeting both edit"))
    assert (stored.venue, stored.description) == (
        "Room A",
        "Coordination of **mutual interest** topics.",
    )
