"""The form that names a new personal calendar link."""

from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length

from iscg_module.calendars.subscription import NAME_MAX
from iscg_module.web.trimmed_form import TrimmedForm


class NewSubscriptionForm(TrimmedForm):
    name = StringField(
        "Name of the link",
        description="Where you will use it, for example “Outlook at work” or “phone”.",
        validators=[DataRequired(), Length(max=NAME_MAX)],
    )
    submit = SubmitField("Create a calendar link")
