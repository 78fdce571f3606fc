"""Forms of the sign-in pages."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SubmitField
from wtforms.validators import DataRequired, Length


class DevelopmentSignInForm(FlaskForm):
    account = RadioField("Demo account", coerce=int, validators=[DataRequired()])
    next = HiddenField(validators=[Length(max=500)])
    submit = SubmitField("Sign in")


class SignOutForm(FlaskForm):
    submit = SubmitField("Sign out")
