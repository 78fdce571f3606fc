"""Configuration from ISCG_* variables, and the application factory's refusals."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from iscg_module import create_app
from iscg_module.config import ConfigurationError, EnvironmentSettings, build_config
from iscg_module.extensions import db


def test_environment_defaults_to_development():
    assert EnvironmentSettings.read({}).env == "development"


def test_unknown_environment_is_named_in_the_error():
    with pytest.raises(ConfigurationError, match="'staging'"):
        EnvironmentSettings.read({"ISCG_ENV": "staging"})


def test_the_secretariat_address_defaults_to_the_groups_own():
    assert EnvironmentSettings.read({}).secretariat_email == "iscg@itu.int"
    chosen = EnvironmentSettings.read({"ISCG_SECRETARIAT_EMAIL": " desk@example.org "})
    assert chosen.secretariat_email == "desk@example.org"


@pytest.mark.parametrize("value", ["", "nobody", "two@example.org, three@example.org",
                                   "line@example.org\nBcc: x@example.org", "a@b"])  # fmt: skip
def test_a_secretariat_address_that_is_not_one_address_is_refused(value):
    with pytest.raises(ConfigurationError, match="ISCG_SECRETARIAT_EMAIL"):
        EnvironmentSettings.read({"ISCG_SECRETARIAT_EMAIL": value})


def test_production_without_secret_key_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.setenv("ISCG_ENV", "production")
    monkeypatch.delenv("ISCG_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="ISCG_SECRET_KEY"):
        build_config(tmp_path)


def test_production_hardens_cookies_and_has_no_development_sign_in(monkeypatch, tmp_path):
    monkeypatch.setenv("ISCG_ENV", "production")
    monkeypatch.setenv("ISCG_SECRET_KEY", "a-production-secret-key")
    monkeypatch.setenv("ISCG_OIDC_ISSUER", "https://login.example.org")
    monkeypatch.setenv("ISCG_OIDC_CLIENT_ID", "iscg")
    config = build_config(tmp_path)
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert config["ISCG_DEV_SIGN_IN"] is False


def test_development_keeps_one_generated_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("ISCG_ENV", raising=False)
    monkeypatch.delenv("ISCG_SECRET_KEY", raising=False)
    first = build_config(tmp_path)["SECRET_KEY"]
    assert len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert build_config(tmp_path)["SECRET_KEY"] == first


def test_database_url_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ISCG_DATABASE_URL", f"sqlite:///{tmp_path / 'chosen.sqlite3'}")
    assert build_config(tmp_path)["SQLALCHEMY_DATABASE_URI"].endswith("chosen.sqlite3")


@pytest.mark.parametrize(
    ("url", "pings"),
    [("sqlite:///x.sqlite3", False), ("postgresql+psycopg://postgres@127.0.0.1:5432/x", True)],
)
def test_connections_are_pinged_before_use_only_where_a_server_can_drop_them(
    monkeypatch, tmp_path, url, pings
):
    monkeypatch.setenv("ISCG_DATABASE_URL", url)
    assert build_config(tmp_path)["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is pings


def test_default_database_is_sqlite_in_the_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("ISCG_DATABASE_URL", raising=False)
    url = build_config(tmp_path)["SQLALCHEMY_DATABASE_URI"]
    assert url == f"sqlite:///{tmp_path / 'iscg.sqlite3'}"


def test_create_app_takes_explicit_overrides(tmp_path):
    app = create_app(
        {"SECRET_KEY": "k" * 40, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite3"}
    )
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("x.sqlite3")
    assert app.config["ISCG_DEFAULT_TIMEZONE"] == "Europe/Zurich"


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas apply to SQLite only")
    with db.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"


def test_attached_files_are_kept_in_the_instance_folder_unless_told(monkeypatch, tmp_path):
    monkeypatch.delenv("ISCG_ATTACHMENTS_DIR", raising=False)
    assert build_config(tmp_path)["ISCG_ATTACHMENTS_DIR"] == str(tmp_path / "attachments")
    monkeypatch.setenv("ISCG_ATTACHMENTS_DIR", str(tmp_path / "shared" / "files"))
    assert build_config(tmp_path)["ISCG_ATTACHMENTS_DIR"] == str(tmp_path / "shared" / "files")
