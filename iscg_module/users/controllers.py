"""The view of the signed-in member's own account page."""

from flask import render_template
from flask_login import current_user

from iscg_module.access import MEMBER, require
from iscg_module.themes.queries import themes_by_id


@require(MEMBER)
def show() -> str:
    """Who the product thinks you are: your details and your roles, and where they come from."""
    return render_template(
        "account/show.html", user=current_user, themes=themes_by_id(current_user.role_grants)
    )
