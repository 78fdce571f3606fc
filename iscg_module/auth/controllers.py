"""Sign-in and sign-out views."""

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from iscg_module.access import MEMBER, PUBLIC, require
from iscg_module.auth.blueprint import blueprint
from iscg_module.auth.development_accounts import development_account, development_accounts
from iscg_module.auth.forms import DevelopmentSignInForm, SignOutForm
from iscg_module.auth.operations import record_sign_in
from iscg_module.auth.safe_redirect import local_path_or


@blueprint.route("/login", methods=["GET", "POST"])
@require(PUBLIC)
def sign_in() -> str | Response:
    if not current_app.config["ISCG_DEV_SIGN_IN"]:
        return render_template("auth/sign_in_unavailable.html"), 503
    form = DevelopmentSignInForm()
    accounts = development_accounts()
    form.account.choices = [SelectChoice(user.id, user.display_name) for user in accounts]
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = development_account(form.account.data)
        if user is None:
            form.account.errors.append("That demo account does not exist.")
        else:
            session.clear()
            record_sign_in(user)
            login_user(user)
            flash(f"Signed in as {user.display_name}.", "success")
            return redirect(local_path_or(form.next.data, url_for("home.index")))
    return render_template("auth/development_sign_in.html", form=form, accounts=accounts)


@blueprint.route("/logout", methods=["POST"])
@require(MEMBER)
def sign_out() -> Response:
    form = SignOutForm()
    if form.validate_on_submit():
        logout_user()
        session.clear()
        flash("You are signed out.", "success")
    return redirect(url_for("home.index"))
