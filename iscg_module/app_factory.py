"""The application factory: configuration, extensions, the access gate and every domain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

import iscg_module.database.all_models  # noqa: F401  (the metadata must know every table)
from iscg_module.access import PUBLIC, declare_endpoint, init_access
from iscg_module.calendars.feed_cache import FeedCache
from iscg_module.calendars.version_cache import FeedVersionCache
from iscg_module.config import build_config
from iscg_module.database.migration_commands import database_commands
from iscg_module.database.sqlite_pragmas import apply_sqlite_pragmas
from iscg_module.events import EventBus
from iscg_module.extensions import csrf, db, login_manager, migrate
from iscg_module.resources import shipped_folder
from iscg_module.web.record_ids import init_record_ids
from iscg_module.web.request_size import SizedRequest
from iscg_module.web.session_interface import ProductSessionInterface


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; ``config`` overrides what the ``ISCG_*`` environment says."""
    app = Flask(
        "iscg_module",
        template_folder=str(shipped_folder("templates")),
        static_folder=str(Path(__file__).parent / "static"),
        instance_relative_config=True,
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.update(build_config(Path(app.instance_path), config))
    app.session_interface = ProductSessionInterface()
    app.request_class = SizedRequest

    _init_extensions(app)
    init_record_ids(app)
    _register_domains(app)
    return app


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        apply_sqlite_pragmas(db.engine)
    migrate.init_app(app, db, directory=str(shipped_folder("migrations")))
    app.cli.add_command(database_commands(), name="db")
    csrf.init_app(app)
    login_manager.init_app(app)
    EventBus().init_app(app)
    FeedCache().init_app(app)
    FeedVersionCache().init_app(app)
    init_access(app)
    declare_endpoint(app, "static", PUBLIC)


def _register_domains(app: Flask) -> None:
    from iscg_module.admin.blueprint import blueprint as admin_blueprint
    from iscg_module.attachments.blueprint import blueprint as attachments_blueprint
    from iscg_module.attachments.readers import add_reader
    from iscg_module.auth.blueprint import blueprint as auth_blueprint
    from iscg_module.auth.oidc_client import init_oidc
    from iscg_module.auth.session_user import init_session_user
    from iscg_module.calendars.blueprint import blueprint as calendars_blueprint
    from iscg_module.cli.commands import iscg_commands
    from iscg_module.errors.handlers import init_error_pages
    from iscg_module.home.blueprint import blueprint as home_blueprint
    from iscg_module.meetings.blueprint import blueprint as meetings_blueprint
    from iscg_module.platform.attachment_readers import plugin_attachment_reader
    from iscg_module.platform.gate import init_platform
    from iscg_module.theme_updates.blueprint import blueprint as theme_updates_blueprint
    from iscg_module.theme_updates.policy import (
        may_read_attachment as theme_update_may_read_attachment,
    )
    from iscg_module.themes.blueprint import blueprint as themes_blueprint
    from iscg_module.users.blueprint import blueprint as account_blueprint
    from iscg_module.web.private_pages import init_private_pages
    from iscg_module.web.security_headers import init_security_headers
    from iscg_module.web.template_helpers import init_template_helpers

    init_session_user(app)
    init_oidc(app)
    init_error_pages(app)
    init_template_helpers(app)
    init_private_pages(app)
    _install_feed_shortcut(app)
    init_security_headers(app)
    app.register_blueprint(home_blueprint)
    app.register_blueprint(auth_blueprint)
    app.register_blueprint(meetings_blueprint)
    app.register_blueprint(calendars_blueprint)
    app.register_blueprint(account_blueprint)
    app.register_blueprint(admin_blueprint)
    app.register_blueprint(themes_blueprint)
    app.register_blueprint(theme_updates_blueprint)
    app.register_blueprint(attachments_blueprint)
    init_platform(app)
    add_reader(app, theme_update_may_read_attachment)
    add_reader(app, plugin_attachment_reader)
    app.cli.add_command(iscg_commands)


def _install_feed_shortcut(app: Flask) -> None:
    """Feed polls answered before Flask; inside the security headers, which it needs too."""
    from iscg_module.calendars.poll_shortcut import FeedPollShortcut

    with app.app_context():
        engine = db.engine
    app.wsgi_app = FeedPollShortcut(  # type: ignore[method-assign]
        app.wsgi_app,
        app.extensions["iscg_feed_versions"],
        app.extensions["iscg_feed_cache"],
        engine,
    )
