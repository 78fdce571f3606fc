"""Files attached to theme updates: added and removed with the form, kept by every version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from iscg_module.attachments.file_rules import MAX_FILE_BYTES
from iscg_module.attachments.models import Attachment
from iscg_module.extensions import db
from iscg_module.testing.accounts import make_focal_point, sign_in
from iscg_module.testing.attachments import PDF, PNG, WINDOWS_PROGRAM, form_file
from iscg_module.testing.factories import make_update
from iscg_module.theme_updates.models import ThemeUpdate, ThemeUpdateVersion, UpdateStatus
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from tests.html_elements import elements_of

NEW = "/themes/accessibility/updates/new"
FORM = {
    "title": "ICT Accessibility Fund",
    "period_start": "2021-07-01",
    "period_end": "2021-09-01",
    "body": "Pledges received this quarter.",
    "links": "",
    "save": "y",
}


@pytest.fixture
def theme(app):
    return ensure_theme(None, "accessibility", "Accessibility", "", ThemeStatus.ACTIVE)


@pytest.fixture
def writer(app, theme):
    return make_focal_point("Accessibility Focal Point", "accessibility")


@pytest.fixture
def writer_client(app, writer):
    return sign_in(app, writer)


DOWNLOAD_LINK = re.compile(r'<a href="([^"]+)" download>([^<]+)</a>')


def download_links(page: str) -> list[tuple[str, str]]:
    """(address, name) of each attached file the page offers."""
    return DOWNLOAD_LINK.findall(page)


def rows(model: type) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def stored_files(app) -> list[str]:
    folder = Path(app.config["ISCG_ATTACHMENTS_DIR"])
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_the_form_uploads_files_that_the_update_lists_as_downloads(
    app, theme, writer_client, member_client
):
    page = writer_client.get(NEW).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page
    files = [form_file(PDF, "Fund report.pdf"), form_file(PNG, "pledges.png")]
    created = writer_client.post_form(NEW, {**FORM, "new_attachments": files})
    assert created.status_code == 302
    update = db.session.scalar(select(ThemeUpdate))
    assert [item.filename for item in update.attachments] == ["Fund report.pdf", "pledges.png"]
    assert [item.filename for item in update.versions[0].attachments] == [
        "Fund report.pdf", "pledges.png"
    ]  # fmt: skip

    shown = writer_client.get(created.location).get_data(as_text=True)
    links = download_links(shown)
    assert [name for _url, name in links] == ["Fund report.pdf", "pledges.png"]
    assert f"(PDF, {len(PDF)} bytes)" in shown and f"(PNG image, {len(PNG)} bytes)" in shown
    assert links[0][0] == f"/attachments/{update.attachments[0].id}/Fund%20report.pdf"
    download = writer_client.get(links[0][0])
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert member_client.get(links[0][0]).status_code == 404  # a draft's file, like the draft


def test_removing_a_file_keeps_it_in_the_earlier_versions(app, theme, writer_client):
    files = [form_file(PDF, "draft.pdf"), form_file(PNG, "chart.png")]
    created = writer_client.post_form(NEW, {**FORM, "new_attachments": files})
    update = db.session.scalar(select(ThemeUpdate))
    draft = next(item for item in update.attachments if item.filename == "draft.pdf")
    edit = f"{created.location}/edit"
    form = writer_client.get(edit).get_data(as_text=True)
    assert f"Remove draft.pdf (PDF, {len(PDF)} bytes)" in form
    boxes = [
        attributes["value"]
        for tag, attributes in elements_of(form)
        if tag == "input" and attributes.get("name") == "remove_attachments"
        and attributes.get("type") == "checkbox"
    ]  # fmt: skip
    assert sorted(boxes) == sorted(str(item.id) for item in update.attachments)

    changed = {**FORM, "remove_attachments": [str(draft.id)],
               "new_attachments": [form_file(PDF + b"%final", "final.pdf")]}  # fmt: skip
    assert writer_client.post_form(edit, changed).status_code == 302
    db.session.refresh(update)
    assert [item.filename for item in update.attachments] == ["chart.png", "final.pdf"]
    first, second = update.versions
    assert [item.filename for item in first.attachments] == ["draft.pdf", "chart.png"]
    assert [item.filename for item in second.attachments] == ["chart.png", "final.pdf"]
    assert rows(Attachment) == 3  # the removed file stays for version 1

    version_one = writer_client.get(f"{created.location}/versions/1").get_data(as_text=True)
    assert [name for _url, name in download_links(version_one)] == ["draft.pdf", "chart.png"]


@pytest.mark.parametrize(
    ("files", "changes", "message"),
    [
        ([(WINDOWS_PROGRAM, "minutes.pdf")], {},
         "minutes.pdf was refused: it is a program, whatever its name says."),
        ([(PDF + b" " * MAX_FILE_BYTES, "big.pdf")], {},
         "big.pdf is larger than 10 MB, the most a file may be."),
        ([(PDF, f"{n}.pdf") for n in range(6)], {},
         "At most 5 files can be attached at a time; 6 were chosen."),
        ([(b"", "empty.pdf")], {}, "empty.pdf is empty."),
        ([(PDF, "fine.pdf")], {"title": ""}, "This field is required."),
    ],
)  # fmt: skip
def test_a_refused_form_saves_no_update_no_attachment_and_no_file(
    app, theme, writer_client, files, changes, message
):
    chosen = [form_file(data, name) for data, name in files]
    page = writer_client.post_form(NEW, {**FORM, **changes, "new_attachments": chosen})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Nothing was saved" in text and message in text
    assert rows(ThemeUpdate) == 0 and rows(ThemeUpdateVersion) == 0 and rows(Attachment) == 0
    assert stored_files(app) == []


def test_a_submitted_update_refuses_an_edit_before_any_file_is_kept(
    app, theme, writer, writer_client
):
    update = make_update(theme, writer, UpdateStatus.SUBMITTED)
    url = f"/themes/accessibility/updates/{update.id}/edit"
    page = writer_client.post_form(url, {**FORM, "new_attachments": [form_file(PDF, "late.pdf")]})
    assert "A submitted update cannot be edited." in page.get_data(as_text=True)
    assert rows(Attachment) == 0 and stored_files(app) == []


def test_the_same_file_on_two_updates_is_kept_once(app, theme, writer_client):
    for title in ("First", "Second"):
        annex = [form_file(PDF, "annex.pdf")]
        writer_client.post_form(NEW, {**FORM, "title": title, "new_attachments": annex})
    assert rows(ThemeUpdate) == 2 and rows(Attachment) == 2
    assert len(stored_files(app)) == 1


def test_an_update_holds_at_most_twenty_files(app, theme, writer, writer_client):
    update = make_update(theme, writer)
    edit = f"/themes/accessibility/updates/{update.id}/edit"
    for batch in range(4):
        files = [form_file(PDF + f"{batch}-{n}".encode(), f"{batch}-{n}.pdf") for n in range(5)]
        assert writer_client.post_form(edit, {**FORM, "new_attachments": files}).status_code == 302
    page = writer_client.post_form(edit, {**FORM, "new_attachments": [form_file(PDF, "21.pdf")]})
    assert "An update holds at most 20 files" in page.get_data(as_text=True)
    db.session.refresh(update)
    assert len(update.attachments) == 20 and rows(Attachment) == 20
