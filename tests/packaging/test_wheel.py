"""The wheel alone runs the product: templates, migrations and static files travel with it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SHIPPED = (
    "iscg_module/templates/base.html",
    "iscg_module/templates/meetings/show.html",
    "iscg_module/migrations/env.py",
    "iscg_module/migrations/alembic.ini",
    "iscg_module/migrations/versions/0001_core_schema.py",
    "iscg_module/static/css/app.css",
    "iscg_module/static/js/local-times.js",
    "iscg_accessibility/plugin.py",
    "iscg_accessibility/migrations/accessibility_0001_items.py",
    "iscg_accessibility/templates/iscg_accessibility/index.html",
)

SMOKE_TEST = """
from iscg_module import create_app
app = create_app()
client = app.test_client()
checks = {
    "/": "Inter-Sector Coordination Group",
    "/meetings/1": "Wednesday 1 September 2021",
    "/calendar.ics": "BEGIN:VCALENDAR",
    "/static/css/app.css": "--brand",
}
for url, expected in checks.items():
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert expected in response.get_data(as_text=True), url
print("wheel serves", len(checks), "pages")
"""


TABLES = """
from iscg_module import create_app
from iscg_module.extensions import db
from sqlalchemy import inspect
with create_app().app_context():
    print(*inspect(db.engine).get_table_names())
"""

PLUGIN_PAGE = """
from iscg_module import create_app
print("status", create_app().test_client().get("/themes/example/").status_code)
"""


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(repository_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder),
          str(repository_root)], cwd=folder)  # fmt: skip
    (built,) = folder.glob("iscg_module-*.whl")
    return built


def test_the_wheel_carries_templates_migrations_and_static_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    assert not any(name.startswith(("tests/", "wsgi.py", "plugins/")) for name in names)


@dataclass(frozen=True)
class Installation:
    """A clean virtual environment with the wheel installed, and the settings to run it."""

    folder: Path
    python: str
    env: dict[str, str]

    def flask(self, *arguments: str) -> str:
        command = [self.python, "-m", "flask", "--app", "iscg_module", *arguments]
        return _run(command, cwd=self.folder, env=self.env)


@pytest.fixture
def installation(wheel: Path, tmp_path: Path) -> Installation:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = str(venv / "bin" / "python")
    _run([python, "-m", "pip", "install", "-q", str(wheel)], cwd=tmp_path)
    env = {
        **os.environ,
        "ISCG_ENV": "development",
        "ISCG_DATABASE_URL": f"sqlite:///{tmp_path / 'wheel.sqlite3'}",
        "ISCG_SECRET_KEY": "a-key-for-the-wheel-test-only",
    }
    env.pop("PYTHONPATH", None)
    return Installation(tmp_path, python, env)


def test_an_installed_wheel_migrates_loads_the_demo_and_serves(installation):
    installation.flask("db", "upgrade")
    assert "Demo data ready" in installation.flask("iscg", "demo")
    smoke = _run([installation.python, "-c", SMOKE_TEST], installation.folder, installation.env)
    assert "wheel serves 4 pages" in smoke


def test_the_guide_example_plugin_installs_from_its_folder_and_works(installation, repository_root):
    plugin_folder = repository_root / "tests" / "example_plugin"
    _run([installation.python, "-m", "pip", "install", "-q", "--no-deps", str(plugin_folder)],
         cwd=installation.folder)  # fmt: skip
    installation.flask("db", "upgrade")
    tables = _run([installation.python, "-c", TABLES], installation.folder, installation.env)
    assert "example_notes" in tables.split()
    listed = installation.flask("iscg", "plugins", "list").splitlines()
    assert "example\tdisabled\t1.0.0\tExample theme" in listed
    assert "status 404" in _run(
        [installation.python, "-c", PLUGIN_PAGE], installation.folder, installation.env
    )
    installation.flask("iscg", "plugins", "enable", "example")
    assert "status 302" in _run(
        [installation.python, "-c", PLUGIN_PAGE], installation.folder, installation.env
    )
