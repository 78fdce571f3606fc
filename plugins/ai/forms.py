"""The AI report's rows of activities on the update form, and the choice of two reports."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from iscg_ai.models import GROUP_MAX, LINK_MAX, NEXT_STEP_MAX, TITLE_MAX, ActivityStatus
from iscg_ai.reports import SECTOR_LABELS, STATUS_LABELS, ActivityDetails, match_key
from wtforms import Form, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, ValidationError

from iscg_module.platform.api import Sector, TrimmedMeta


def _web_address(_form: Form, field: StringField) -> None:
    if not field.data:
        return
    parts = urlsplit(field.data)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError("Give an address starting with http:// or https://, or none.")


class ActivityRow(Form):
    """One activity on the update form; a row left blank is no activity.

    A plain form: the update form around it carries the CSRF token.
    """

    class Meta(TrimmedMeta):
        pass

    sector = SelectField(
        "Sector",
        choices=[
            SelectChoice("", "Choose a sector"),
            *(SelectChoice(item.value, SECTOR_LABELS[item]) for item in Sector),
        ],
    )
    group = StringField(
        "Group or Question (optional)",
        description=f"For example ITU-T SG16 or ITU-D Q7/1. At most {GROUP_MAX} characters.",
        validators=[Length(max=GROUP_MAX)],
    )
    title = StringField("Title", validators=[Length(max=TITLE_MAX)])
    status = SelectField(
        "Status",
        choices=[
            SelectChoice("", "Choose a status"),
            *(SelectChoice(item.value, STATUS_LABELS[item]) for item in ActivityStatus),
        ],
    )
    next_step = StringField("Next step (optional)", validators=[Length(max=NEXT_STEP_MAX)])
    link = StringField(
        "Link (optional)",
        description="An http or https address where the activity is described.",
        validators=[Length(max=LINK_MAX), _web_address],
    )

    NEEDED = {
        "sector": "Choose the sector of this activity, or clear the whole row.",
        "title": "Give this activity a title, or clear the whole row.",
        "status": "Choose the status of this activity, or clear the whole row.",
    }

    @property
    def is_blank(self) -> bool:
        return not any(field.data for field in self)

    def validate(self, extra_validators: Any = None) -> bool:
        """A row is blank, or has at least its sector, title and status."""
        valid = super().validate(extra_validators)
        if self.is_blank:
            return valid
        for name, message in self.NEEDED.items():
            if not self[name].data:
                self[name].errors.append(message)
                valid = False
        return valid

    @property
    def details(self) -> ActivityDetails:
        return details_of(self.data)


def details_of(row: dict[str, Any]) -> ActivityDetails:
    return ActivityDetails(
        sector=Sector(row["sector"]), group=row["group"] or "", title=row["title"],
        status=ActivityStatus(row["status"]), next_step=row["next_step"] or "",
        link=row["link"] or "",
    )  # fmt: skip


def is_blank(row: dict[str, Any]) -> bool:
    return not any(row.values())


class DistinctActivities:
    """At most ``limit`` activities, and no activity listed twice (the same sector, group
    and title), so that later reports can be matched to this one."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, _form: Form, field: Any) -> None:
        filled = [
            (number, entry.form)
            for number, entry in enumerate(field.entries, start=1)
            if not entry.form.is_blank
        ]
        if len(filled) > self.limit:
            raise ValidationError(f"A report lists at most {self.limit} activities.")
        if any(entry.errors for entry in field.entries):
            return
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in filled:
            key = match_key(row.details)
            if key in seen:
                raise ValidationError(
                    f"Activities {seen[key]} and {number} are the same activity (the same "
                    "sector, group and title): keep one of them."
                )
            seen[key] = number


def _report_id(value: Any) -> int | None:
    """A report's id as the address gives it; anything else is no report (refused below)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class CompareForm(Form):
    """Two published reports to compare, chosen by their ids (a GET form: nothing changes)."""

    class Meta(TrimmedMeta):
        pass

    earlier = SelectField("Earlier report", coerce=_report_id, validate_choice=False)
    later = SelectField("Later report", coerce=_report_id, validate_choice=False)

    def __init__(self, formdata: Any, choices: list[SelectChoice], **kwargs: Any) -> None:
        super().__init__(formdata, **kwargs)
        self.earlier.choices = self.later.choices = choices

    def _check_published(self, field: SelectField) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Choose one of the published AI reports in the list.")

    def validate_earlier(self, field: SelectField) -> None:
        self._check_published(field)

    def validate_later(self, field: SelectField) -> None:
        self._check_published(field)
        if field.data == self.earlier.data:
            raise ValidationError("Choose two different reports.")
