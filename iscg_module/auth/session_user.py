"""Loading the signed-in user from the session."""

from flask import Flask
from sqlalchemy import select

from iscg_module.extensions import db, login_manager
from iscg_module.users.models import User


def init_session_user(app: Flask) -> None:
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Please sign in to see this page."
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        if not user_id.isdigit():
            return None
        return db.session.scalar(select(User).where(User.id == int(user_id)))
