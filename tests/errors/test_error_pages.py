"""Error pages are the product's own and reveal nothing of its insides."""

from __future__ import annotations

import pytest


def test_404_page_is_the_products_own(client):
    response = client.get("/no/such/page")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Page not found" in page and 'id="main"' in page


def test_405_page(client):
    response = client.post("/calendar.ics")
    assert response.status_code in (400, 405)
    assert "Traceback" not in response.get_data(as_text=True)


def test_405_with_a_valid_token(member_client):
    response = member_client.post_form("/calendar.ics")
    assert response.status_code == 405
    assert "That action is not available here" in response.get_data(as_text=True)


def test_413_when_the_request_is_too_large(admin_client):
    response = admin_client.post_form("/meetings/new", {"description": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "That was too large" in response.get_data(as_text=True)


@pytest.fixture
def failing_route(app):
    def explode() -> str:
        raise RuntimeError("secret internals: SECRET_KEY=abc")

    from iscg_module.access import PUBLIC, require

    app.add_url_rule("/explode", "explode", require(PUBLIC)(explode))
    app.config["PROPAGATE_EXCEPTIONS"] = False
    return "/explode"


def test_500_page_hides_the_error(client, failing_route, caplog):
    response = client.get(failing_route)
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on our side" in page
    assert "secret internals" not in page and "Traceback" not in page
    assert "secret internals" in caplog.text
