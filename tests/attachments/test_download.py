"""Members download attached files as files, by id and name; nobody else does."""

from __future__ import annotations

import pytest

from iscg_module.attachments.queries import attachment_url
from iscg_module.testing.accounts import make_focal_point
from iscg_module.testing.attachments import PDF, upload
from iscg_module.testing.factories import make_update
from iscg_module.theme_updates.models import UpdateStatus


@pytest.fixture
def report(app):
    """A file of a published update, which every member may read."""
    writer = make_focal_point("Download Writer", "accessibility")
    theme = writer.role_grants[0].theme
    update = make_update(theme, writer, UpdateStatus.PUBLISHED,
                         files=(upload(PDF, "Rapport d’activité 2021.pdf"),))  # fmt: skip
    return update.attachments[0]


def test_a_member_downloads_the_file_as_a_file_of_its_kind(app, report, member_client):
    with app.test_request_context():
        url = attachment_url(report)
    response = member_client.get(url)
    assert response.status_code == 200 and response.data == PDF
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''Rapport%20d%E2%80%99activit%C3%A9%202021.pdf" in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "private" in response.headers["Cache-Control"]
    again = member_client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_an_anonymous_visitor_is_sent_to_sign_in(app, report, client):
    with app.test_request_context():
        url = attachment_url(report)
    response = client.get(url)
    assert response.status_code == 302 and response.location.startswith("/auth/login?next=")


@pytest.mark.parametrize(
    "path",
    ["/attachments/{id}/another name.pdf", "/attachments/{id}/", "/attachments/999999/x.pdf"],
)
def test_an_unknown_id_or_a_wrong_name_is_not_found(app, report, member_client, path):
    assert member_client.get(path.format(id=report.id)).status_code == 404
