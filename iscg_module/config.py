"""Settings read from ``ISCG_*`` environment variables.

Every setting the product reads from its environment is declared here, once, with its
default; README.md documents the same list.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from iscg_module.attachments.file_rules import FORM_ALLOWANCE_BYTES, REQUEST_MAX_BYTES
from iscg_module.auth.oidc_settings import OidcSettingError, OidcSettings

DEVELOPMENT = "development"
PRODUCTION = "production"
KNOWN_ENVIRONMENTS = (DEVELOPMENT, "testing", PRODUCTION)
# A signed-in session lasts a working day; it needs no provider while it lasts.
SESSION_LIFETIME = timedelta(hours=12)
# The secretariat's address, as the group's progress reports give it.
SECRETARIAT_EMAIL = "iscg@itu.int"
EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ConfigurationError(RuntimeError):
    """A setting is missing or wrong; the message names it."""


@dataclass(frozen=True)
class EnvironmentSettings:
    """The settings as read from the environment, before defaults that need the instance path."""

    env: str
    database_url: str | None
    secret_key: str | None
    default_timezone: str
    attachments_dir: str | None
    secretariat_email: str
    oidc: OidcSettings | None

    @classmethod
    def read(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> EnvironmentSettings:
        source = os.environ if environ is None else environ
        env = source.get("ISCG_ENV", DEVELOPMENT).strip() or DEVELOPMENT
        if env not in KNOWN_ENVIRONMENTS:
            raise ConfigurationError(
                f"ISCG_ENV must be one of {', '.join(KNOWN_ENVIRONMENTS)}, not {env!r}"
            )
        try:
            oidc = OidcSettings.read(source)
        except OidcSettingError as error:
            raise ConfigurationError(str(error)) from error
        return cls(
            env=env,
            database_url=source.get("ISCG_DATABASE_URL") or None,
            secret_key=source.get("ISCG_SECRET_KEY") or None,
            default_timezone=source.get("ISCG_DEFAULT_TIMEZONE", "Europe/Zurich"),
            attachments_dir=source.get("ISCG_ATTACHMENTS_DIR") or None,
            secretariat_email=_email_address(
                "ISCG_SECRETARIAT_EMAIL", source.get("ISCG_SECRETARIAT_EMAIL", SECRETARIAT_EMAIL)
            ),
            oidc=oidc,
        )


def build_config(instance_path: Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the Flask configuration: environment first, then explicit overrides."""
    settings = EnvironmentSettings.read()
    overrides = dict(overrides or {})
    env = overrides.pop("ISCG_ENV", settings.env)
    production = env == PRODUCTION
    oidc = overrides.pop("ISCG_OIDC", settings.oidc)
    secret_key = overrides.pop("SECRET_KEY", settings.secret_key)
    if production:
        _refuse_production_without(secret_key=secret_key, oidc=oidc)
    if secret_key is None:
        secret_key = _development_secret_key(instance_path)
    database_url = overrides.pop("SQLALCHEMY_DATABASE_URI", settings.database_url)
    if database_url is None:
        database_url = f"sqlite:///{instance_path / 'iscg.sqlite3'}"
    attachments_dir = overrides.pop("ISCG_ATTACHMENTS_DIR", settings.attachments_dir)
    attachments_dir = Path(attachments_dir or instance_path / "attachments").resolve()
    config: dict[str, Any] = {
        "ISCG_ENV": env,
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": database_url,
        # A file has no server to lose the connection to: the ping would only add a statement.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": not database_url.startswith("sqlite")},
        "ISCG_DEFAULT_TIMEZONE": settings.default_timezone,
        "ISCG_ATTACHMENTS_DIR": str(attachments_dir),
        "ISCG_SECRETARIAT_EMAIL": settings.secretariat_email,
        "ISCG_OIDC": oidc,
        "ISCG_DEV_SIGN_IN": not production and oidc is None,
        "PERMANENT_SESSION_LIFETIME": SESSION_LIFETIME,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env != DEVELOPMENT and env != "testing",
        "MAX_CONTENT_LENGTH": REQUEST_MAX_BYTES,
        "ISCG_MAX_TEXT_REQUEST_LENGTH": FORM_ALLOWANCE_BYTES,
        "WTF_CSRF_TIME_LIMIT": None,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
    }
    config.update(overrides)
    return config


def _email_address(name: str, value: str) -> str:
    value = value.strip()
    if not EMAIL_ADDRESS.fullmatch(value) or not value.isprintable():
        raise ConfigurationError(f"{name} must be one e-mail address, such as {SECRETARIAT_EMAIL}")
    return value


def _refuse_production_without(secret_key: str | None, oidc: OidcSettings | None) -> None:
    """Production needs its own secret key and the organisation's identity provider."""
    missing = [
        name
        for name, value in (("ISCG_SECRET_KEY", secret_key), ("ISCG_OIDC_ISSUER", oidc))
        if value is None
    ]
    if missing:
        raise ConfigurationError(f"{' and '.join(missing)} must be set when ISCG_ENV=production")


def _development_secret_key(instance_path: Path) -> str:
    """Keep one random key per development instance so sessions survive a restart."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
