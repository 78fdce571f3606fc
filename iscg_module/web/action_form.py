"""A form with no fields but its CSRF token, for buttons that change state."""

from iscg_module.web.trimmed_form import TrimmedForm


class ActionForm(TrimmedForm):
    """Confirm, cancel, delete, withdraw: a POST button protected against cross-site requests."""
