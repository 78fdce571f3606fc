"""A focal point writes, submits and edits; the secretariat publishes or returns; all is kept."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from sqlalchemy import func, select

from iscg_module.audit.models import AuditEntry
from iscg_module.events import CoreEvent
from iscg_module.extensions import db
from iscg_module.testing.accounts import make_focal_point, make_user, sign_in
from iscg_module.testing.factories import make_update
from iscg_module.theme_updates.models import ThemeUpdate, ThemeUpdateVersion, UpdateStatus
from iscg_module.themes.models import Theme, ThemeStatus
from iscg_module.themes.operations import ensure_theme

ATOM = "{http://www.w3.org/2005/Atom}"
LISTS = ("/themes/", "/themes/accessibility/updates/", "/themes/accessibility/updates.atom")
FORM = {
    "title": "Budget line for accessibility",
    "period_start": "2021-07-01",
    "period_end": "2021-09-01",
    "body": "A request of **100k CHF per year** is prepared for Council 2022.",
    "links": "ISCG/21-2/04-2 https://www.itu.int/md/S21-ISCG-C-0004\nISCG/21-2/INF-1",
}


@pytest.fixture
def theme(app) -> Theme:
    return ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)


@pytest.fixture
def writer(app, theme):
    return make_focal_point("Accessibility Focal Point", "accessibility")


@pytest.fixture
def writer_client(app, writer):
    return sign_in(app, writer)


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_focal_point_writes_edits_and_submits_then_the_secretariat_publishes(
    app, theme, writer_client, admin_client, member_client
):
    created = writer_client.post_form("/themes/accessibility/updates/new", {**FORM, "save": "y"})
    assert created.status_code == 302
    update = db.session.scalar(select(ThemeUpdate))
    assert update.status == UpdateStatus.DRAFT
    assert [link["label"] for link in update.links] == ["ISCG/21-2/04-2", "ISCG/21-2/INF-1"]
    assert member_client.get(created.location).status_code == 404  # not published yet

    edit = f"{created.location}/edit"
    assert "ISCG/21-2/INF-1" in writer_client.get(edit).get_data(as_text=True)
    changed = {**FORM, "title": "Budget line: request to Council 2022", "save_and_submit": "y"}
    assert writer_client.post_form(edit, changed).status_code == 302
    assert admin_client.post_form(f"{created.location}/publish").status_code == 302

    db.session.refresh(update)
    assert update.status == UpdateStatus.PUBLISHED and update.published_at is not None
    actions = [(kept.number, kept.action.value, kept.title) for kept in update.versions]
    assert actions == [
        (1, "saved", "Budget line for accessibility"),
        (2, "saved", "Budget line: request to Council 2022"),
        (3, "submitted", "Budget line: request to Council 2022"),
        (4, "published", "Budget line: request to Council 2022"),
    ]
    page = member_client.get(created.location).get_data(as_text=True)
    assert "<strong>100k CHF per year</strong>" in page and "Version 4" in page
    first = member_client.get(f"{created.location}/versions/1").get_data(as_text=True)
    assert "Version 1 of “Budget line for accessibility”" in first


def test_a_returned_update_goes_back_with_its_comment_and_can_be_submitted_again(
    app, theme, writer, writer_client, admin_client
):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    url = f"/themes/accessibility/updates/{update.id}"
    response = admin_client.post_form(f"{url}/return", {"comment": "Add the fund totals."})
    assert response.status_code == 302
    page = writer_client.get(f"{url}/edit").get_data(as_text=True)
    assert "Returned by the secretariat" in page and "Add the fund totals." in page
    assert writer_client.post_form(f"{url}/submit").status_code == 302
    db.session.refresh(update)
    assert update.status == UpdateStatus.SUBMITTED
    assert [kept.action.value for kept in update.versions][-2:] == ["returned", "submitted"]


def test_a_focal_point_of_another_theme_may_not_write(app, theme, writer):
    other = sign_in(app, make_focal_point("AI Focal Point", "ai"))
    update = make_update(theme, writer)
    assert other.get("/themes/accessibility/updates/new").status_code == 403
    assert other.post_form("/themes/accessibility/updates/new", FORM).status_code == 403
    url = f"/themes/accessibility/updates/{update.id}"
    assert other.post_form(f"{url}/edit", FORM).status_code == 403
    assert other.post_form(f"{url}/submit").status_code == 403
    assert other.get(url).status_code == 404  # a draft of another theme is not theirs to read
    assert rows(ThemeUpdate) == 1 and update.status == UpdateStatus.DRAFT


@pytest.mark.parametrize("who", ["member", "chair", "focal point"])
def test_only_the_secretariat_publishes_and_returns(app, theme, writer, chair, member, who):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    account = {"member": member, "chair": chair, "focal point": writer}[who]
    client = sign_in(app, account)
    url = f"/themes/accessibility/updates/{update.id}"
    assert client.post_form(f"{url}/publish").status_code == 403
    assert client.post_form(f"{url}/return", {"comment": "no"}).status_code == 403
    db.session.refresh(update)
    assert update.status == UpdateStatus.SUBMITTED


def test_the_chair_reads_unpublished_updates_but_members_do_not(app, theme, writer, chair):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    url = f"/themes/accessibility/updates/{update.id}"
    assert sign_in(app, chair).get(url).status_code == 200
    assert sign_in(app, make_user("Another Member")).get(url).status_code == 404
    assert app.test_client().get(url).status_code == 302  # sent to sign in


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"period_end": "2021-06-30"}, "The period cannot end before it starts."),
        ({"period_start": "1 July"}, "Not a valid date value."),
        ({"body": "x" * 20_001}, "Field cannot be longer than 20000 characters."),
        ({"links": "Slides javascript:alert(1)://x"}, "is not an http or https address."),
        ({"links": "\n".join(f"ISCG/21-2/{n}" for n in range(21))}, "At most 20 document links."),
        ({"title": "Quarterly\x01 update"}, "cannot hold the control character U+0001"),
        ({"title": "Quarterly\nupdate"}, "must be one line of text"),
        ({"body": "Progress\x1b[31m"}, "cannot hold the control character U+001B"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    app, theme, writer_client, changes, message
):
    page = writer_client.post_form("/themes/accessibility/updates/new", {**FORM, **changes})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Nothing was saved" in text and message in text
    assert rows(ThemeUpdate) == 0 and rows(ThemeUpdateVersion) == 0


def test_a_submitted_update_cannot_be_edited_until_it_is_returned(
    app, theme, writer, writer_client
):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    page = writer_client.post_form(f"/themes/accessibility/updates/{update.id}/edit", FORM)
    assert "A submitted update cannot be edited." in page.get_data(as_text=True)
    assert len(update.versions) == 2


def test_submitting_and_publishing_emit_core_events_and_audit_entries(app, theme, writer):
    seen = []
    for event in (CoreEvent.THEME_UPDATE_SUBMITTED, CoreEvent.THEME_UPDATE_PUBLISHED):
        app.extensions["iscg_events"].subscribe(event, lambda event, _: seen.append(event.value))
    make_update(theme, writer, UpdateStatus.PUBLISHED)
    assert seen == ["theme_update.submitted", "theme_update.published"]
    query = select(AuditEntry.action).where(AuditEntry.action.like("theme_update%"))
    assert list(db.session.scalars(query.order_by(AuditEntry.id))) == [
        "theme_update.saved",
        "theme_update.submitted",
        "theme_update.published",
    ]


def test_the_atom_feed_carries_published_updates_only(app, theme, writer, member_client):
    published = make_update(theme, writer, UpdateStatus.PUBLISHED, title="Fund replenished")
    make_update(theme, writer, UpdateStatus.SUBMITTED, title="Not yet")
    response = member_client.get("/themes/accessibility/updates.atom")
    assert response.content_type.startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.data)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Fund replenished"]
    assert (
        entries[0].findtext(f"{ATOM}id").endswith(f"/themes/accessibility/updates/{published.id}")
    )
    assert "<strong>100k CHF per year</strong>" in entries[0].findtext(f"{ATOM}content")


def test_the_theme_list_shows_focal_points_and_published_counts(app, theme, writer, member_client):
    make_update(theme, writer, UpdateStatus.PUBLISHED)
    page = member_client.get("/themes/").get_data(as_text=True)
    assert "Accessibility Focal Point" in page and "(1 published)" in page


def test_listing_updates_costs_the_same_queries_with_few_or_many(
    app, theme, writer, member_client, count_queries
):
    make_update(theme, writer, UpdateStatus.PUBLISHED)
    few = [count_queries(member_client, url) for url in LISTS]
    for number in range(5):
        make_update(theme, writer, UpdateStatus.PUBLISHED, title=f"Update {number}")
        make_focal_point(f"Focal Point {number}", f"theme-{number}")
    assert [count_queries(member_client, url) for url in LISTS] == few


def test_admins_are_writers_of_every_theme(app, theme, admin_client):
    response = admin_client.post_form("/themes/accessibility/updates/new", {**FORM, "save": "y"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("comment", "message"),
    [("  ", "This field is required."), ("x" * 2001, "Field cannot be longer than 2000")],
)
def test_a_return_needs_a_comment_of_sensible_length(
    app, theme, writer, admin_client, comment, message
):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    url = f"/themes/accessibility/updates/{update.id}/return"
    page = admin_client.post_form(url, {"comment": comment}).get_data(as_text=True)
    assert "Nothing was saved" in page and message in page
    db.session.refresh(update)
    assert update.status == UpdateStatus.SUBMITTED and len(update.versions) == 2


@pytest.mark.parametrize("left_out", ["links", "body", "title"])
def test_a_form_missing_a_field_is_refused_with_a_message(app, writer_client, left_out):
    sent = {name: value for name, value in {**FORM, "save": "y"}.items() if name != left_out}
    response = writer_client.post_form("/themes/accessibility/updates/new", sent)
    assert response.status_code in (200, 302)
    if left_out == "links":
        assert response.status_code == 302 and db.session.scalar(select(ThemeUpdate)).links == []
    else:
        assert "Nothing was saved" in response.get_data(as_text=True)
        assert rows(ThemeUpdate) == 0


def test_spaces_around_the_answers_are_not_kept(app, writer_client):
    sent = {**FORM, "title": "  Budget line  ", "save": "y"}
    assert writer_client.post_form("/themes/accessibility/updates/new", sent).status_code == 302
    assert db.session.scalar(select(ThemeUpdate)).title == "Budget line"
    blank = writer_client.post_form("/themes/accessibility/updates/new", {**FORM, "title": "   "})
    assert "Nothing was saved" in blank.get_data(as_text=True)


def test_an_edit_without_the_links_field_keeps_the_links_it_had(app, writer_client):
    writer_client.post_form("/themes/accessibility/updates/new", {**FORM, "save": "y"})
    update = db.session.scalar(select(ThemeUpdate))
    sent = {name: value for name, value in FORM.items() if name != "links"}
    response = writer_client.post_form(
        f"/themes/accessibility/updates/{update.id}/edit", {**sent, "save": "y"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert [link["label"] for link in update.links] == ["ISCG/21-2/04-2", "ISCG/21-2/INF-1"]
    assert update.version == 2
