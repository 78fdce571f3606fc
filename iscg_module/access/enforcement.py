"""The gate that applies each endpoint's declared rule before its view runs."""

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, abort, current_app, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from iscg_module.access.rules import PUBLIC, Rule

View = TypeVar("View", bound=Callable[..., Any])
_EXTENSION_KEY = "iscg_access_endpoints"


def require(rule: Rule) -> Callable[[View], View]:
    """Declare the access rule of a view function."""

    def decorate(view: View) -> View:
        view.access_rule = rule  # type: ignore[attr-defined]
        return view

    return decorate


def declare_endpoint(app: Flask, endpoint: str, rule: Rule) -> None:
    """Declare the rule of an endpoint whose view the product does not write (e.g. ``static``)."""
    app.extensions[_EXTENSION_KEY][endpoint] = rule


def rule_of(app: Flask, endpoint: str) -> Rule | None:
    """The rule declared for ``endpoint``, or None when it declares none."""
    declared = app.extensions[_EXTENSION_KEY].get(endpoint)
    if declared is not None:
        return declared
    view = app.view_functions.get(endpoint)
    return getattr(view, "access_rule", None)


def init_access(app: Flask) -> None:
    app.extensions[_EXTENSION_KEY] = {}
    app.before_request(_enforce)


def _enforce() -> Response | None:
    endpoint = request.endpoint
    if endpoint is None:
        return None
    rule = rule_of(current_app, endpoint)
    if rule is None:
        current_app.logger.error("endpoint %s declares no access rule; refused", endpoint)
        abort(403)
    if rule is PUBLIC:
        # Anyone may pass: loading the user would read the session for nothing, and mark
        # the answer as varying with the cookie, which a public feed or page does not.
        return None
    if rule.needs_sign_in and not current_user.is_authenticated:
        return redirect(url_for("auth.sign_in", next=request.full_path.rstrip("?")))
    if not rule.permits(current_user, request.view_args or {}):
        abort(403)
    return None
