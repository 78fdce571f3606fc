"""The forms admins and members fill in about meetings."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from wtforms import (
    DateField,
    DateTimeLocalField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length, Optional, ValidationError

from iscg_module.meetings.models import Attendance, Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.models.agenda_item import ITEM_TITLE_MAX, NOTES_MAX, PRESENTER_MAX
from iscg_module.meetings.models.meeting import (
    DESCRIPTION_MAX,
    JOIN_URL_MAX,
    PLATFORM_MAX,
    TITLE_MAX,
    VENUE_MAX,
)
from iscg_module.meetings.occurrence_field import OccurrenceField
from iscg_module.meetings.operations import ATTENDANCE_BY_FORMAT
from iscg_module.meetings.schedule import (
    AmbiguousLocalTime,
    DateWindow,
    ExactTimes,
    MeetingDetails,
    NonexistentLocalTime,
    Occurrence,
    Schedule,
    localize,
    repeated_time,
)
from iscg_module.web.plausible_date import plausible_date
from iscg_module.web.revision_field import RevisionField
from iscg_module.web.time_zones import is_known_time_zone, time_zone_names
from iscg_module.web.trimmed_form import TrimmedForm

EXACT, WINDOW = "exact", "window"
FORMAT_LABELS = {
    MeetingFormat.VIRTUAL: "Virtual (online only)",
    MeetingFormat.PHYSICAL: "Physical (in a room)",
    MeetingFormat.HYBRID: "Hybrid (in a room and online)",
}
ATTENDANCE_LABELS = {Attendance.IN_ROOM: "In the room", Attendance.ONLINE: "Online"}


class MeetingForm(TrimmedForm):
    """Schedule or edit a meeting: exact times, or a window of dates while tentative."""

    title = StringField("Title", validators=[DataRequired(), Length(max=TITLE_MAX)])
    revision = RevisionField()
    description = TextAreaField(
        "Description",
        description="Markdown: **bold**, *italic*, lists and links.",
        validators=[Optional(), Length(max=DESCRIPTION_MAX)],
    )
    timezone = SelectField("Time zone", validators=[DataRequired()])
    schedule_kind = RadioField(
        "When",
        choices=[
            SelectChoice(EXACT, "At set times"),
            SelectChoice(WINDOW, "Somewhere within a window of dates"),
        ],
        default=EXACT,
        validators=[AnyOf([EXACT, WINDOW])],
    )
    starts_at = DateTimeLocalField(
        "Starts", format="%Y-%m-%dT%H:%M", validators=[Optional(), plausible_date]
    )
    starts_at_occurrence = OccurrenceField("Starts: which one?")
    ends_at = DateTimeLocalField(
        "Ends", format="%Y-%m-%dT%H:%M", validators=[Optional(), plausible_date]
    )
    ends_at_occurrence = OccurrenceField("Ends: which one?")
    earliest_date = DateField("Window from", validators=[Optional(), plausible_date])
    latest_date = DateField("Window until", validators=[Optional(), plausible_date])
    format = RadioField(
        "Format",
        choices=[SelectChoice(value.value, label) for value, label in FORMAT_LABELS.items()],
        default=MeetingFormat.VIRTUAL.value,
        validators=[DataRequired()],
    )
    platform = StringField(
        "Platform",
        description="For example Zoom or MyMeetings.",
        validators=[Optional(), Length(max=PLATFORM_MAX)],
    )
    join_url = URLField(
        "Join link",
        description="Shown only to signed-in members and in their personal calendars.",
        validators=[Optional(), Length(max=JOIN_URL_MAX)],
    )
    venue = StringField(
        "Venue", description="Room and building, for physical and hybrid meetings.",
        validators=[Optional(), Length(max=VENUE_MAX)],
    )  # fmt: skip
    submit = SubmitField("Save meeting")

    def __init__(
        self,
        *args: object,
        default_timezone: str = "Europe/Zurich",
        current_status: MeetingStatus = MeetingStatus.TENTATIVE,
        **kwargs: object,
    ):
        super().__init__(*args, **kwargs)
        self.current_status = current_status
        self.timezone.choices = [SelectChoice(name) for name in time_zone_names()]
        if not self.timezone.data:
            self.timezone.data = default_timezone

    @classmethod
    def for_meeting(cls, meeting: Meeting) -> MeetingForm:
        """A form filled with ``meeting``'s details, in its own time zone.

        A stored time whose wall-clock time happens twice comes with its occurrence chosen,
        so that saving the form unchanged keeps the same instant.
        """
        form = cls(obj=meeting, default_timezone=meeting.timezone, current_status=meeting.status)
        form.format.data = meeting.format.value
        form.schedule_kind.data = EXACT if meeting.has_exact_times else WINDOW
        if isinstance(times := meeting.schedule, ExactTimes):
            form._fill_time(form.starts_at, form.starts_at_occurrence, times.starts_at)
            form._fill_time(form.ends_at, form.ends_at_occurrence, times.ends_at)
        return form

    def _fill_time(
        self, field: DateTimeLocalField, occurrence: OccurrenceField, moment: datetime
    ) -> None:
        field.data = moment.replace(tzinfo=None, fold=0)
        if self._offer_occurrences(field, occurrence, moment.tzinfo):
            occurrence.select(Occurrence.LATER if moment.fold else Occurrence.EARLIER)

    def validate_join_url(self, field: URLField) -> None:
        if not field.data:
            return
        message = "Enter a full web address starting with https://."
        try:
            parts = urlsplit(field.data)
            host = parts.hostname or ""
        except ValueError as error:
            raise ValidationError(message) from error
        if parts.scheme.lower() not in ("https", "http") or "." not in host or " " in field.data:
            raise ValidationError(message)

    def validate(self, extra_validators: dict | None = None) -> bool:
        valid = super().validate(extra_validators)
        if not is_known_time_zone(self.timezone.data or ""):
            self.timezone.errors = [*self.timezone.errors, "Choose a time zone from the list."]
            return False
        schedule_ok = self._validate_schedule()
        return valid and schedule_ok

    def _validate_schedule(self) -> bool:
        if self.schedule_kind.data == WINDOW:
            return self._validate_window()
        return self._validate_exact_times()

    def _validate_window(self) -> bool:
        ok = self._require(self.earliest_date, "Give the window's first date.")
        ok = self._require(self.latest_date, "Give the window's last date.") and ok
        if ok and self.latest_date.data < self.earliest_date.data:
            self.latest_date.errors.append("The window must end on or after its first date.")
            ok = False
        if self.intended_status() is not MeetingStatus.TENTATIVE:
            self.schedule_kind.errors.append(
                "Only a tentative meeting can have a window of dates; give its exact times."
            )
            ok = False
        return ok

    def intended_status(self) -> MeetingStatus:
        return self.current_status

    def _validate_exact_times(self) -> bool:
        ok = self._require(self.starts_at, "Give the start date and time.")
        ok = self._require(self.ends_at, "Give the end date and time.") and ok
        if not ok:
            return False
        starts = self._aware(self.starts_at, self.starts_at_occurrence)
        ends = self._aware(self.ends_at, self.ends_at_occurrence)
        if starts is None or ends is None:
            return False
        if ends.astimezone(UTC) <= starts.astimezone(UTC):
            self.ends_at.errors.append("The meeting must end after it starts.")
            return False
        return True

    def _aware(self, field: DateTimeLocalField, occurrence: OccurrenceField) -> datetime | None:
        """The field's time in the chosen zone, or None with the reason beside the field."""
        zone = ZoneInfo(self.timezone.data)
        self._offer_occurrences(field, occurrence, zone)
        try:
            return localize(field.data, zone, occurrence.occurrence)
        except NonexistentLocalTime as error:
            field.errors.append(str(error))
        except AmbiguousLocalTime as error:
            field.errors.append(str(error))
            occurrence.description = ""  # the time's own error explains it; once is enough
        return None

    @staticmethod
    def _offer_occurrences(
        field: DateTimeLocalField, occurrence: OccurrenceField, zone: tzinfo | None
    ) -> bool:
        """Offer the choice of occurrence if the field's time happens twice in ``zone``."""
        if not isinstance(zone, ZoneInfo):
            return False
        repeated = repeated_time(field.data, zone)
        if repeated is not None:
            occurrence.offer(repeated, field.label.text)
        return repeated is not None

    @staticmethod
    def _require(field: object, message: str) -> bool:
        if field.data is None and not field.errors:
            field.errors.append(message)
        return field.data is not None and not field.errors

    def schedule(self) -> Schedule:
        if self.schedule_kind.data == WINDOW:
            return DateWindow(self.earliest_date.data, self.latest_date.data)
        zone = ZoneInfo(self.timezone.data)
        return ExactTimes(
            localize(self.starts_at.data, zone, self.starts_at_occurrence.occurrence),
            localize(self.ends_at.data, zone, self.ends_at_occurrence.occurrence),
        )

    def details(self) -> MeetingDetails:
        """The validated form as the domain's value object."""
        return MeetingDetails(
            title=self.title.data,
            description=self.description.data or "",
            timezone=self.timezone.data,
            schedule=self.schedule(),
            format=MeetingFormat(self.format.data),
            platform=self.platform.data or None,
            join_url=self.join_url.data or None,
            venue=self.venue.data or None,
        )


class NewMeetingForm(MeetingForm):
    """Scheduling a meeting also sets whether it starts out tentative or confirmed."""

    status = RadioField(
        "Status",
        choices=[
            SelectChoice(MeetingStatus.TENTATIVE.value, "Tentative"),
            SelectChoice(MeetingStatus.CONFIRMED.value, "Confirmed"),
        ],
        default=MeetingStatus.TENTATIVE.value,
        validators=[DataRequired()],
    )

    def intended_status(self) -> MeetingStatus:
        try:
            return MeetingStatus(self.status.data)
        except ValueError:
            return MeetingStatus.TENTATIVE


class AgendaItemForm(TrimmedForm):
    title = StringField("Item", validators=[DataRequired(), Length(max=ITEM_TITLE_MAX)])
    revision = RevisionField()
    presenter = StringField("Presented by", validators=[Optional(), Length(max=PRESENTER_MAX)])
    notes = TextAreaField(
        "Notes", description="Markdown; for example the documents the item considers.",
        validators=[Optional(), Length(max=NOTES_MAX)],
    )  # fmt: skip
    submit = SubmitField("Save item")


class MoveAgendaItemForm(TrimmedForm):
    direction = HiddenField(validators=[AnyOf(["up", "down"])])

    @property
    def offset(self) -> int:
        return -1 if self.direction.data == "up" else 1


class RegistrationForm(TrimmedForm):
    """A member's registration; theme plugins add their own fields to it."""

    attendance = RadioField("I will attend", validators=[DataRequired()])
    submit = SubmitField("Register")

    def __init__(self, *args: object, meeting: Meeting, **kwargs: object):
        super().__init__(*args, **kwargs)
        modes = ATTENDANCE_BY_FORMAT[meeting.format]
        self.attendance.choices = [
            SelectChoice(mode.value, ATTENDANCE_LABELS[mode]) for mode in modes
        ]
        if self.attendance.data is None and len(modes) == 1:
            self.attendance.data = modes[0].value

    @property
    def chosen_attendance(self) -> Attendance:
        return Attendance(self.attendance.data)
