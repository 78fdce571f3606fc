"""The forms of theme updates: writing one, and the secretariat's return with a comment."""

from __future__ import annotations

from wtforms import DateField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from iscg_module.attachments.forms import AttachmentsField, RemovedAttachmentsField
from iscg_module.theme_updates.content import (
    ContentError,
    UpdateContent,
    check_links,
    parse_links,
)
from iscg_module.theme_updates.models import BODY_MAX, COMMENT_MAX, TITLE_MAX
from iscg_module.web.revision_field import RevisionField
from iscg_module.web.trimmed_form import TrimmedForm

LINKS_TEXT_MAX = 12_000


class UpdateForm(TrimmedForm):
    """Title, reporting period, Markdown text, document links and files; save or submit.

    The view offers the update's attached files to ``remove_attachments``.
    """

    title = StringField("Title", validators=[DataRequired(), Length(max=TITLE_MAX)])
    revision = RevisionField()
    period_start = DateField("Reporting period from", validators=[InputRequired()])
    period_end = DateField("Reporting period until", validators=[InputRequired()])
    body = TextAreaField(
        "Update",
        description="Markdown: **bold**, *italic*, lists and links.",
        validators=[DataRequired(), Length(max=BODY_MAX)],
    )
    links = TextAreaField(
        "Documents",
        description="One per line: the symbol or title, then its address if it has one, "
        "e.g. ISCG/21-2/04-2 https://www.itu.int/md/S21-ISCG-C-0004",
        validators=[Length(max=LINKS_TEXT_MAX)],
    )
    new_attachments = AttachmentsField("Attach files (optional)")
    remove_attachments = RemovedAttachmentsField(
        "Attached files",
        description="Tick a file to take it off this update; earlier versions keep it.",
    )
    save = SubmitField("Save draft")
    save_and_submit = SubmitField("Save and submit for publication")

    def validate_period_end(self, field: DateField) -> None:
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError("The period cannot end before it starts.")

    def validate_links(self, field: TextAreaField) -> None:
        try:
            check_links(parse_links(field.data or ""))
        except ContentError as error:
            raise ValidationError(str(error)) from error

    @property
    def content(self) -> UpdateContent:
        """The validated form's content (building it checks it once more)."""
        return UpdateContent(
            self.title.data, self.period_start.data, self.period_end.data, self.body.data,
            parse_links(self.links.data or ""),
        )  # fmt: skip


class ReturnForm(TrimmedForm):
    comment = TextAreaField(
        "What should change",
        validators=[DataRequired(), Length(max=COMMENT_MAX)],
    )
