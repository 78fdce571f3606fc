"""A form with no fields but its CSRF token, for buttons that change state."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """Confirm, cancel, delete, withdraw: a POST button protected against cross-site requests."""
