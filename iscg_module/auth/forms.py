"""Forms of the sign-in pages."""

from wtforms import HiddenField, RadioField, SubmitField
from wtforms.validators import DataRequired, Length

from iscg_module.web.trimmed_form import TrimmedForm


class DevelopmentSignInForm(TrimmedForm):
    account = RadioField("Demo account", coerce=int, validators=[DataRequired()])
    next = HiddenField(validators=[Length(max=500)])
    submit = SubmitField("Sign in")


class SignOutForm(TrimmedForm):
    submit = SubmitField("Sign out")
