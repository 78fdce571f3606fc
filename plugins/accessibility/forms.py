"""The accessibility plugin's forms: an item, a step along its path, a fund entry, a liaison."""

from __future__ import annotations

from decimal import Decimal

from iscg_accessibility.fund import CURRENCIES, LARGEST_AMOUNT, Contribution
from iscg_accessibility.items import NEXT_STEPS, STATUS_LABELS, ItemDetails
from iscg_accessibility.liaisons import (
    PURPOSE_LABELS,
    LiaisonDetails,
    LiaisonFiles,
    liaison_values,
)
from iscg_accessibility.models import (
    BODY_MAX,
    CONTRIBUTOR_MAX,
    DOCUMENTS_MAX,
    OWNER_MAX,
    TEXT_MAX,
    TITLE_MAX,
    FundEntryKind,
    ItemKind,
    ItemStatus,
    LiaisonPurpose,
    LiaisonStatement,
)
from wtforms import DateField, DecimalField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from iscg_module.platform.api import (
    AttachmentsField,
    RemovedAttachmentsField,
    RevisionField,
    TrimmedForm,
    plausible_date,
)


class ItemForm(TrimmedForm):
    kind = RadioField(
        "Kind",
        choices=[SelectChoice(ItemKind.REQUEST.value, "A request (e.g. to Council)"),
                 SelectChoice(ItemKind.INITIATIVE.value, "An initiative")],
        default=ItemKind.REQUEST.value,
        validators=[InputRequired()],
    )  # fmt: skip
    title = StringField("Title", validators=[DataRequired(), Length(max=TITLE_MAX)])
    owner = StringField(
        "Owner", description="Who carries it, e.g. the Focal Point for Accessibility.",
        validators=[DataRequired(), Length(max=OWNER_MAX)],
    )  # fmt: skip
    target_body = StringField(
        "Target body", description="Where it is decided, e.g. Council 2022.",
        validators=[DataRequired(), Length(max=BODY_MAX)],
    )  # fmt: skip
    target_date = DateField("Target date", validators=[Optional(), plausible_date])
    description = TextAreaField("Description", validators=[Optional(), Length(max=TEXT_MAX)])
    on_day = DateField("Proposed on", validators=[InputRequired(), plausible_date])
    reason = TextAreaField(
        "Why", description="Where the item comes from, e.g. the ISCG meeting that agreed it.",
        validators=[DataRequired(), Length(max=TEXT_MAX)],
    )  # fmt: skip

    @property
    def details(self) -> ItemDetails:
        return ItemDetails(
            ItemKind(self.kind.data), self.title.data, self.owner.data, self.target_body.data,
            self.target_date.data, self.description.data or "",
        )  # fmt: skip


class StepForm(TrimmedForm):
    """The next step of an item: only the steps its path allows are offered."""

    status = SelectField("New status", validators=[InputRequired()])
    on_day = DateField("On", validators=[InputRequired(), plausible_date])
    reason = TextAreaField("Why", validators=[DataRequired(), Length(max=TEXT_MAX)])  # fmt: skip

    def __init__(self, *args: object, current: ItemStatus, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = [
            SelectChoice(step.value, STATUS_LABELS[step]) for step in NEXT_STEPS[current]
        ]


class ContributionForm(TrimmedForm):
    """A pledge to the ICT Accessibility Fund, or a payment into it."""

    kind = RadioField(
        "Entry",
        choices=[SelectChoice(FundEntryKind.PLEDGE.value, "A pledge"),
                 SelectChoice(FundEntryKind.PAYMENT.value, "A payment")],
        default=FundEntryKind.PLEDGE.value,
        validators=[InputRequired()],
    )  # fmt: skip
    contributor = StringField(
        "Contributor", validators=[DataRequired(), Length(max=CONTRIBUTOR_MAX)]
    )
    amount = DecimalField(
        "Amount", places=2, description="For example 25000 or 25000.50.",
        validators=[InputRequired(), NumberRange(min=Decimal("0.01"), max=LARGEST_AMOUNT)],
    )  # fmt: skip
    currency = StringField(
        "Currency", default="CHF", description="The ISO 4217 code, for example CHF, USD or EUR.",
        validators=[DataRequired(), Length(min=3, max=3)],
        filters=[lambda value: value.upper() if isinstance(value, str) else value],
    )  # fmt: skip
    on_day = DateField("Date", validators=[InputRequired(), plausible_date])
    note = TextAreaField("Note", validators=[Optional(), Length(max=TEXT_MAX)])

    def validate_currency(self, field: StringField) -> None:
        if field.data not in CURRENCIES:
            raise ValidationError(f"{field.data} is not a known ISO 4217 currency code.")

    def validate_amount(self, field: DecimalField) -> None:
        if field.data is not None and field.data != field.data.quantize(Decimal("0.01")):
            raise ValidationError("An amount has at most two decimals.")

    @property
    def contribution(self) -> Contribution:
        return Contribution(
            FundEntryKind(self.kind.data), self.contributor.data, self.amount.data,
            self.currency.data, self.on_day.data, self.note.data or "",
        )  # fmt: skip


class LiaisonForm(TrimmedForm):
    """A liaison statement on the theme, recorded when agreed and completed when sent."""

    title = StringField(
        "Subject", description="For example: Presentation on the work coordinated in the ISC-TF.",
        validators=[DataRequired(), Length(max=TITLE_MAX)],
    )  # fmt: skip
    to_group = StringField(
        "To", description="The group it is addressed to, for example ITU-D Q7/1.",
        validators=[DataRequired(), Length(max=BODY_MAX)],
    )  # fmt: skip
    purpose = RadioField(
        "Purpose",
        choices=[SelectChoice(purpose.value, label) for purpose, label in PURPOSE_LABELS.items()],
        default=LiaisonPurpose.FOR_INFORMATION.value,
        validators=[InputRequired()],
    )
    summary = TextAreaField("Summary", validators=[Optional(), Length(max=TEXT_MAX)])
    documents = StringField(
        "Documents", description="The symbols of the documents it carries, e.g. ISCG/21-2/04-2.",
        validators=[Optional(), Length(max=DOCUMENTS_MAX)],
    )  # fmt: skip
    agreed_on = DateField("Agreed on", validators=[InputRequired(), plausible_date])
    sent_on = DateField(
        "Sent on",
        description="Leave empty until it is sent.",
        validators=[Optional(), plausible_date],
    )
    reply_by = DateField(
        "Reply expected by", description="Only for a statement sent for action.",
        validators=[Optional(), plausible_date],
    )  # fmt: skip
    remove_files = RemovedAttachmentsField()
    files = AttachmentsField("Attach the statement and its annexes")
    revision = RevisionField()

    def validate_sent_on(self, field: DateField) -> None:
        if field.data and self.agreed_on.data and field.data < self.agreed_on.data:
            raise ValidationError("It cannot be sent before the day it was agreed.")

    def validate_reply_by(self, field: DateField) -> None:
        if not field.data:
            return
        if self.purpose.data != LiaisonPurpose.FOR_ACTION.value:
            raise ValidationError("Only a statement sent for action expects a reply.")
        leaves = self.sent_on.data or self.agreed_on.data
        if leaves and field.data < leaves:
            raise ValidationError("The reply cannot be expected before the statement leaves.")

    @classmethod
    def editing(cls, statement: LiaisonStatement, posted: bool) -> LiaisonForm:
        """The posted answers, or ``statement`` as it stands and the revision it is at; its
        files offered to take off."""
        form = cls() if posted else cls(obj=statement, purpose=statement.purpose.value)
        if not posted:
            form.revision.open(liaison_values(statement))
        form.remove_files.offer(statement.attachments)
        return form

    @property
    def chosen_files(self) -> LiaisonFiles:
        return LiaisonFiles(tuple(self.files.data or ()), self.remove_files.ticked)

    @property
    def details(self) -> LiaisonDetails:
        return LiaisonDetails(
            self.title.data, self.to_group.data, LiaisonPurpose(self.purpose.data),
            self.agreed_on.data, self.sent_on.data, self.reply_by.data,
            self.summary.data or "", self.documents.data or "",
        )  # fmt: skip
