"""Text answers are trimmed before validation, in core forms and in plain row forms."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict
from wtforms import FieldList, Form, FormField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from iscg_module.web.trimmed_form import TrimmedForm, TrimmedMeta


class Row(Form):
    class Meta(TrimmedMeta):
        pass

    title = StringField("Title", validators=[Length(max=5)])


class Page(TrimmedForm):
    class Meta:
        csrf = False

    name = StringField("Name", validators=[DataRequired(), Length(max=5)])
    secret = PasswordField("Secret")
    rows = FieldList(FormField(Row), min_entries=1)


def test_spaces_are_trimmed_before_the_limits_and_passwords_kept(app):
    with app.test_request_context():
        form = Page(MultiDict({"name": "  Anna  ", "secret": " s ", "rows-0-title": " Five5 "}))
        assert form.validate(), form.errors
        assert (form.name.data, form.secret.data) == ("Anna", " s ")
        assert form.rows[0].title.data == "Five5"


def test_spaces_alone_do_not_answer_a_required_field(app):
    with app.test_request_context():
        form = Page(MultiDict({"name": "   "}))
        assert not form.validate() and form.name.data == ""
