"""Error pages that explain what happened and never show a stack trace or configuration."""

from __future__ import annotations

from flask import Flask, current_app, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from iscg_module.attachments.file_rules import MAX_FILE_BYTES, MAX_FILES, format_size
from iscg_module.extensions import db

MESSAGES = {
    400: ("The request could not be understood", "Please go back and try again."),
    403: ("You may not see this page", "Your account does not have the role this page needs."),
    404: ("Page not found", "The page may have moved, or the address may be mistyped."),
    405: ("That action is not available here", "Please use the page's own buttons and forms."),
    413: (
        "That was too large",
        f"Nothing was saved. Files may be at most {format_size(MAX_FILE_BYTES)} each, "
        f"{MAX_FILES} at a time; please send fewer or smaller files, or less text.",
    ),
    500: ("Something went wrong on our side", "The error is logged. Please try again later."),
    503: ("Not available right now", "Please try again later."),
}


def init_error_pages(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def _render(code: int, detail: str | None = None) -> tuple[str, int]:
    title, hint = MESSAGES.get(code, (f"Error {code}", "Please go back and try again."))
    return render_template("errors/error.html", code=code, title=title, hint=detail or hint), code


def _csrf_error(error: CSRFError) -> tuple[str, int]:
    return _render(
        400,
        "The form had expired or did not come from this site, so nothing was saved. "
        "Please reload the page and send it again.",
    )


def _http_error(error: HTTPException) -> tuple[str, int] | HTTPException:
    if error.code is None or error.code < 400:
        return error
    return _render(error.code)


def _unexpected_error(error: Exception) -> tuple[str, int]:
    db.session.rollback()
    if isinstance(error, InternalServerError):
        error = error.original_exception or error
    current_app.logger.exception("unexpected error", exc_info=error)
    return _render(500)
