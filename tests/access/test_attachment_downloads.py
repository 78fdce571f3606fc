"""Every attachment of every kind of record, downloaded as every role.

Who may download a file is stated here independently of the product's policies, from what
each record's own page shows: a published update's files are for every member; a draft's,
a submitted or a returned update's, and a file taken off one before publication, for the
theme's focal points, admins and the chair; a file taken off a draft that was later
published stays in the versions members may read; a liaison statement's files are for
every member while the accessibility plugin is enabled and for no one while it is
disabled; a file no record holds is for no one. Anonymous visitors are sent to sign in.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask
from iscg_accessibility.liaisons import LiaisonDetails, LiaisonFiles, record_liaison
from iscg_accessibility.models import LiaisonPurpose
from sqlalchemy import select

from iscg_module.attachments.models import Attachment
from iscg_module.attachments.operations import store_attachments
from iscg_module.attachments.queries import attachment_url
from iscg_module.extensions import db
from iscg_module.platform.demo_data import load_plugin_demo_data
from iscg_module.testing.accounts import make_focal_point, make_user, sign_in
from iscg_module.testing.attachments import PDF, PNG, upload
from iscg_module.testing.factories import make_update
from iscg_module.testing.plugins import disable_plugin, enable_every_plugin, enable_plugin
from iscg_module.theme_updates import operations as theme_updates
from iscg_module.theme_updates.content import UpdateContent
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.users.roles import Role

ROLES = ("anonymous", "member", "chair", "admin", "own focal point", "other focal point")
EVERY_MEMBER = frozenset(ROLES) - {"anonymous"}
WRITERS_AND_READERS = frozenset({"chair", "admin", "own focal point"})
NO_ONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Case:
    """A file, which record holds it and how, and the roles that may download it."""

    what: str
    attachment: Attachment
    allowed: frozenset[str]
    plugin_enabled: bool = True


def _content(update: ThemeUpdate) -> UpdateContent:
    return UpdateContent.of(update)


def _take_off(writer, update: ThemeUpdate, attachment: Attachment) -> None:
    draft = theme_updates.Draft(_content(update), removed_attachments=frozenset({attachment.id}))
    theme_updates.save_draft(writer, update.theme, draft, update)


def _cases(app: Flask) -> tuple[list[Case], dict[str, object]]:
    load_plugin_demo_data()
    enable_every_plugin()
    own = make_focal_point("Own Focal Point", "accessibility")
    other = make_focal_point("Other Focal Point", "climate")
    theme = own.role_grants[0].theme
    cases = []
    for status in UpdateStatus:
        update = make_update(theme, own, status, files=(upload(PDF, f"{status.value}.pdf"),))
        allowed = EVERY_MEMBER if status is UpdateStatus.PUBLISHED else WRITERS_AND_READERS
        cases.append(Case(f"file of a {status.value} update", update.attachments[0], allowed))

    theirs = make_update(other.role_grants[0].theme, other, files=(upload(PDF, "theirs.pdf"),))
    cases.append(Case("file of another theme's draft", theirs.attachments[0],
                      frozenset({"chair", "admin", "other focal point"})))  # fmt: skip

    shared = store_attachments(own, [upload(PNG, "shared.png")])
    make_update(theme, own).attachments = list(shared)
    make_update(theme, own, UpdateStatus.PUBLISHED).attachments += shared
    db.session.commit()  # one file held by two records, as an update and its versions hold one
    cases.append(Case("file of a draft and of a published update", shared[0], EVERY_MEMBER))

    draft = make_update(theme, own, files=(upload(PNG, "dropped.png"),))
    dropped = draft.attachments[0]
    _take_off(own, draft, dropped)
    cases.append(Case("file taken off a draft", dropped, WRITERS_AND_READERS))

    published = make_update(theme, own, files=(upload(PNG, "early.png"),))
    early = published.attachments[0]
    _take_off(own, published, early)
    theme_updates.submit_update(own, published)
    theme_updates.publish_update(make_user("Publisher", Role.ADMIN), published)
    cases.append(Case("file of an earlier version of a published update", early, EVERY_MEMBER))

    details = LiaisonDetails("Statement with a letter", "ITU-D Q7/1",
                             LiaisonPurpose.FOR_INFORMATION, published.period_end)  # fmt: skip
    statement = record_liaison(own, details, LiaisonFiles((upload(PDF, "letter.pdf"),)))
    letter = statement.attachments[0]
    cases.append(Case("liaison statement's letter", letter, EVERY_MEMBER))
    cases.append(Case("letter while the plugin is disabled", letter, NO_ONE, False))

    (orphan,) = store_attachments(own, [upload(PDF, "held by nothing.pdf")])
    cases.append(Case("file no record holds", orphan, NO_ONE))
    accounts = {
        "member": make_user("Plain Member"),
        "chair": make_user("The Chair", Role.CHAIR),
        "admin": make_user("An Admin", Role.ADMIN),
        "own focal point": own,
        "other focal point": other,
    }
    return cases, accounts


def test_every_attachment_answers_every_role_as_its_holders_say(app):
    cases, accounts = _cases(app)
    visitors = {"anonymous": app.test_client()}
    visitors.update({role: sign_in(app, user) for role, user in accounts.items()})
    tried = 0
    for case in cases:
        if not case.plugin_enabled:
            disable_plugin("accessibility")
        with app.test_request_context():
            url = attachment_url(case.attachment)
        for role in ROLES:
            answer = visitors[role].get(url)
            if role == "anonymous":
                assert answer.status_code == 302 and "/auth/login" in answer.location
            elif role in case.allowed:
                assert answer.status_code == 200, (case.what, role)
                assert answer.data in (PDF, PNG)
            else:
                assert answer.status_code == 404, (case.what, role, answer.status_code)
            tried += 1
        if not case.plugin_enabled:
            enable_plugin("accessibility")
    assert tried == len(cases) * len(ROLES) >= 60


@pytest.mark.parametrize("role", ["member", "chair", "admin", "own focal point"])
def test_every_file_a_page_links_to_downloads_for_whoever_sees_the_page(app, role):
    """The pages and the downloads ask the same policy: a visible link never gives 404."""
    cases, accounts = _cases(app)
    client = sign_in(app, accounts[role])
    held = {case.attachment.id for case in cases}
    checked = 0
    for update in db.session.scalars(select(ThemeUpdate)):
        pages = [f"/themes/{update.theme.slug}/updates/{update.id}"] + [
            f"/themes/{update.theme.slug}/updates/{update.id}/versions/{version.number}"
            for version in update.versions
        ]
        for page in pages:
            shown = client.get(page)
            if shown.status_code != 200:
                continue
            for attachment_id in held:
                marker = f"/attachments/{attachment_id}/"
                html = shown.get_data(as_text=True)
                start = html.find(marker)
                if start < 0:
                    continue
                link = html[start : html.index('"', start)]
                assert client.get(link).status_code == 200, (page, link, role)
                checked += 1
    assert checked > 0
