"""Member accounts for tests, signed in through the development sign-in."""

from __future__ import annotations

import itertools

from flask import Flask

from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.testing.form_client import FormClient
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.models import User
from iscg_module.users.operations import ensure_user, grant_product_role, grant_role
from iscg_module.users.roles import Role, RoleSource

_numbers = itertools.count(1)


def make_user(name: str, *roles: Role) -> User:
    """A development account (so the development sign-in accepts it) with provider roles."""
    number = next(_numbers)
    user = ensure_user(DEVELOPMENT_ISSUER, f"user-{number}", f"user{number}@iscg.example", name)
    for role in roles:
        grant_role(None, user, role, RoleSource.PROVIDER)
    return user


def make_focal_point(name: str, theme_slug: str) -> User:
    """A member named focal point of the theme ``theme_slug`` (made active if new)."""
    theme = ensure_theme(None, theme_slug, theme_slug.replace("-", " ").title(), "",
                         ThemeStatus.ACTIVE)  # fmt: skip
    user = make_user(name)
    grant_product_role(None, user, Role.FOCAL_POINT, theme=theme)
    return user


def sign_in(app: Flask, user: User) -> FormClient:
    """A new client signed in as ``user`` through the development sign-in form."""
    signed_in = app.test_client()
    response = signed_in.post_form("/auth/login", {"account": user.id})
    assert response.status_code == 302, response.get_data(as_text=True)
    return signed_in
