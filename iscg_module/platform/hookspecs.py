"""What a plugin may provide, declared once: pluggy refuses a hook that is not named here.

Contributions are asked of enabled plugins only, so a disabled plugin's pages, links, widgets,
form fields, report sections and handlers vanish together. Declarations (migrations,
settings, permissions) are read from every installed plugin: its data outlives a switch.
"""

from __future__ import annotations

from typing import Any

import pluggy

PROJECT = "iscg_module"
hookspec = pluggy.HookspecMarker(PROJECT)


class PluginHooks:
    """The hook specifications. A plugin implements any of them with ``@hookimpl``."""

    @hookspec
    def iscg_blueprint(self) -> Any:
        """A Flask blueprint of the plugin's pages, mounted under ``/themes/<name>/``.

        ``ThemePlugin`` answers with the plugin's ``blueprint`` attribute.
        """

    @hookspec
    def iscg_migration_directory(self) -> Any:
        """The folder of the plugin's Alembic revisions (its own branch).

        Asked of every installed plugin, enabled or not: a plugin's tables exist either way.
        ``ThemePlugin`` answers with the ``migrations`` folder beside the plugin's module,
        when there is one.
        """

    @hookspec
    def iscg_navigation(self) -> list[Any]:
        """Navigation entries (``NavigationEntry``) to show while the plugin is enabled.

        ``ThemePlugin`` answers with a link to its blueprint's ``index`` page, when the
        application serves one, labelled with ``navigation_label`` or else ``title``.
        """

    @hookspec
    def iscg_dashboard_widgets(self, user: Any) -> list[Any]:
        """Widgets (``Panel``) for the signed-in ``user``'s home page."""

    @hookspec
    def iscg_meeting_panels(self, meeting: Any, user: Any) -> list[Any]:
        """Boxes (``Panel``) on ``meeting``'s page; ``user`` may be an anonymous visitor."""

    @hookspec
    def iscg_form_extension(self, form: str, theme: str | None) -> Any:
        """A ``FormExtension`` adding fields to the core form named ``form``, or None.

        ``theme`` is the slug of the theme the form is for (the theme of a theme update,
        new or edited), None for a form of no theme such as a meeting registration.
        """

    @hookspec
    def iscg_report_sections(self, period: Any) -> list[Any]:
        """Sections (``ReportSection``) of the progress report for ``period``."""

    @hookspec
    def iscg_settings(self) -> list[Any]:
        """The plugin's typed settings (``TextSetting``, ``NumberSetting``, …)."""

    @hookspec
    def iscg_permissions(self) -> list[Any]:
        """The permissions the plugin adds (rules made with ``permission``)."""

    @hookspec
    def iscg_demo_data(self) -> None:
        """Load the plugin's part of the demo data, once: running it again changes nothing.

        Asked of every installed plugin by ``flask --app wsgi iscg demo``, which then
        enables each such plugin that no admin has switched yet.
        """

    @hookspec
    def iscg_sample_url_values(self) -> dict[str, Any]:
        """Values for the URL parameters of the plugin's routes, such as an id of its demo data.

        The walks over every route (access rules per role, CSRF, accessibility in the
        browser) load the demo data, then visit each of the plugin's pages with these.

        Only ``iscg_module.testing`` asks it, yet it is declared here with the others: the
        walks check every installed plugin, a third party's too, so the answer must come
        with the plugin itself; and pluggy refuses to register a plugin whose ``@hookimpl``
        names no declared hook, so a specification known to the tests alone would make the
        product refuse every plugin that answers it. Unasked, it costs nothing.
        """

    @hookspec
    def iscg_attachment_readable(self, user: Any, attachment_id: int) -> bool | None:
        """Whether ``user`` may download the file, if a record of the plugin holds it.

        Answer True or False when one of your records holds attachment ``attachment_id``
        (by that record's own rule of who may read it), and None when none does. A download
        is allowed when any holder says True; a disabled plugin is not asked, so a file
        only its records hold cannot be downloaded while it is disabled.
        """

    @hookspec
    def iscg_handle_event(self, event: str, payload: dict[str, Any]) -> None:
        """React to a core event (meeting scheduled, changed, cancelled, …)."""
