"""Sign-in and sign-out: the organisation's provider, or the development sign-in."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from iscg_module.access import MEMBER, PUBLIC, require
from iscg_module.auth.development_accounts import development_account, development_accounts
from iscg_module.auth.forms import DevelopmentSignInForm, SignOutForm
from iscg_module.auth.oidc_client import (
    SignInFailed,
    begin_sign_in,
    end_session_url,
    finish_sign_in,
)
from iscg_module.auth.operations import (
    DEACTIVATED_MESSAGE,
    SignedIn,
    SignInRefused,
    record_sign_in,
    sign_in_from_provider,
)
from iscg_module.auth.provider_roles import roles_from_claim
from iscg_module.auth.safe_redirect import local_path_or
from iscg_module.auth.session_user import SESSION_SECRET_KEY
from iscg_module.users.session_operations import end_session

NEXT_KEY = "sign_in_next"
ID_TOKEN_KEY = "provider_id_token"
FAILURES = {
    "unreachable": (502, "The sign-in service cannot be reached right now."),
    "provider_error": (502, "The sign-in service could not complete the sign-in."),
    "cancelled": (400, "The sign-in was cancelled at the sign-in service."),
    "state": (400, "This sign-in link has expired or was already used."),
    "expired_code": (400, "The sign-in took too long and has expired."),
    "invalid_token": (400, "The sign-in service's answer could not be verified."),
}


@require(PUBLIC)
def sign_in() -> str | Response | tuple[str, int]:
    settings = current_app.config["ISCG_OIDC"]
    if settings is not None:
        session[NEXT_KEY] = local_path_or(request.args.get("next"), url_for("home.index"))
        try:
            return begin_sign_in(url_for("auth.callback", _external=True))
        except SignInFailed as failure:
            return _failure_page(failure)
    if not current_app.config["ISCG_DEV_SIGN_IN"]:
        return render_template("auth/sign_in_unavailable.html"), 503
    return _development_sign_in()


@require(PUBLIC)
def callback() -> Response | tuple[str, int]:
    settings = current_app.config["ISCG_OIDC"]
    if settings is None:
        abort(404)
    try:
        identity = finish_sign_in()
    except SignInFailed as failure:
        return _failure_page(failure)
    roles = roles_from_claim(identity.roles_claim, settings.role_map)
    try:
        signed_in = sign_in_from_provider(identity, roles, _lifetime())
    except SignInRefused as refusal:
        return render_template("auth/sign_in_failed.html", message=str(refusal)), 403
    target = local_path_or(session.get(NEXT_KEY), url_for("home.index"))
    _start_session(signed_in)
    session[ID_TOKEN_KEY] = identity.id_token
    return redirect(target)


@require(MEMBER)
def sign_out() -> Response:
    if not SignOutForm().validate_on_submit():
        return redirect(url_for("home.index"))
    id_token = session.get(ID_TOKEN_KEY)
    secret = session.get(SESSION_SECRET_KEY)
    if isinstance(secret, str):
        end_session(secret, "signed out")
    logout_user()
    session.clear()
    flash("You are signed out.", "success")
    if current_app.config["ISCG_OIDC"] is not None:
        provider_sign_out = end_session_url(id_token, url_for("home.index", _external=True))
        if provider_sign_out:
            return redirect(provider_sign_out)
    return redirect(url_for("home.index"))


def _development_sign_in() -> str | Response:
    form = DevelopmentSignInForm()
    accounts = development_accounts()
    form.account.choices = [SelectChoice(user.id, user.display_name) for user in accounts]
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = development_account(form.account.data)
        if user is None:
            form.account.errors.append("That demo account does not exist.")
        elif not user.is_active:
            form.account.errors.append(DEACTIVATED_MESSAGE)
        else:
            _start_session(record_sign_in(user, _lifetime()))
            flash(f"Signed in as {user.display_name}.", "success")
            return redirect(local_path_or(form.next.data, url_for("home.index")))
    return render_template("auth/development_sign_in.html", form=form, accounts=accounts)


def _start_session(signed_in: SignedIn) -> None:
    """A new session for the signed-in user: nothing from before sign-in carries over."""
    session.clear()
    session.permanent = True
    login_user(signed_in.user)
    session[SESSION_SECRET_KEY] = signed_in.session_secret


def _lifetime() -> timedelta:
    return current_app.permanent_session_lifetime


def _failure_page(failure: SignInFailed) -> tuple[str, int]:
    status, message = FAILURES[failure.reason]
    current_app.logger.warning("sign-in failed (%s): %s", failure.reason, failure.detail)
    return render_template("auth/sign_in_failed.html", message=message), status
