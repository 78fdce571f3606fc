"""A live server with the demo data and headless Chromium driven by Playwright.

The browser is Debian's Chromium at /usr/bin/chromium (Playwright's own download is not
used). Without it the browser tests are skipped with the reason, unless ISCG_REQUIRE_BROWSER
is set (CI sets it), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from iscg_module import create_app
from iscg_module.database.migration_commands import upgrade_schema
from iscg_module.demo.reference_group import load_reference_group
from iscg_module.extensions import db
from iscg_module.platform.demo_data import load_plugin_demo_data

CHROMIUM = os.environ.get("ISCG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SOURCE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"


def _browser_unavailable() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium is not installed at {CHROMIUM}"
    if shutil.which("node") is None or not AXE_SOURCE.exists():
        return "the npm tools are not installed (npm ci --prefix tests/js)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed"
    return None


@dataclass
class LiveServer:
    url: str
    app: Flask


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The product on 127.0.0.1 with its own SQLite database holding the demo data."""
    database = tmp_path_factory.mktemp("live") / "live.sqlite3"
    app = create_app(
        {
            "ISCG_ENV": "testing",
            "SECRET_KEY": "live-server-secret-key-for-browser-tests",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        }
    )
    with app.app_context():
        upgrade_schema()
        load_reference_group()
        load_plugin_demo_data()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=app)
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    reason = _browser_unavailable()
    if reason is not None:
        if os.environ.get("ISCG_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


def sign_in_as(page, account: str) -> None:
    """Sign in through the development sign-in, by keyboard as a person would."""
    page.goto("/auth/login")
    page.get_by_label(account, exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_url("**/")
    assert f"Signed in as {account}" in page.locator("header").inner_text()


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA and best practices) on the page as it stands."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => (await axe.run(document, {
              runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                              "best-practice"]},
              resultTypes: ["violations"],
           })).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.map(n => n.target.join(" "))}))"""
    )
