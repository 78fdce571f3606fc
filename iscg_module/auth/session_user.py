"""Loading the signed-in user from the session, which must still be open on the server."""

from flask import Flask, session

from iscg_module.extensions import login_manager
from iscg_module.users.models import User
from iscg_module.users.session_operations import session_user

SESSION_SECRET_KEY = "sign_in_session"


def init_session_user(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Please sign in to see this page."
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        secret = session.get(SESSION_SECRET_KEY)
        if not user_id.isdigit() or not isinstance(secret, str):
            return None
        return session_user(int(user_id), secret)
