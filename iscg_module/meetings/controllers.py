"""Meeting pages: thin views that parse, authorise, call an operation and render."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from iscg_module.access import ADMIN, MEMBER, PUBLIC, SECRETARIAT_READ, require
from iscg_module.calendars.subscribe_links import meeting_calendar_links
from iscg_module.meetings import operations
from iscg_module.meetings.edited_values import agenda_item_values, meeting_values
from iscg_module.meetings.forms import (
    ATTENDANCE_LABELS,
    AgendaItemForm,
    MeetingForm,
    MoveAgendaItemForm,
    NewMeetingForm,
    RegistrationForm,
)
from iscg_module.meetings.models import Meeting, MeetingStatus
from iscg_module.meetings.queries import (
    agenda_item_or_404,
    meeting_or_404,
    past_meetings,
    registration_counts,
    registration_of,
    registrations_of,
    upcoming_meetings,
)
from iscg_module.platform.form_extensions import (
    CoreForm,
    extended_form,
    extension_values,
    field_groups,
)
from iscg_module.platform.panels import meeting_panels
from iscg_module.web.action_form import ActionForm
from iscg_module.web.form_flow import act, submit
from iscg_module.web.panel_drawing import draw
from iscg_module.web.record_ids import requested_page


def _meeting_page(meeting: Meeting) -> str:
    return url_for("meetings.show", meeting_id=meeting.id)


def _agenda_page(meeting: Meeting) -> str:
    return url_for("meetings.agenda", meeting_id=meeting.id)


@require(PUBLIC)
def index() -> str:
    """Upcoming and past meetings, each paged on its own (``?later=N``, ``?page=N``)."""
    later, page = requested_page(request.args, "later"), requested_page(request.args)
    upcoming, more_upcoming = upcoming_meetings(later)
    past, more_past = past_meetings(page)
    return render_template(
        "meetings/index.html",
        upcoming=upcoming,
        more_upcoming=more_upcoming,
        later=later,
        past=past,
        page=page,
        more_past=more_past,
    )


@require(PUBLIC)
def show(meeting_id: int) -> str:
    meeting = meeting_or_404(meeting_id)
    signed_in = current_user.is_authenticated
    return render_template(
        "meetings/show.html",
        meeting=meeting,
        registration=registration_of(meeting, current_user) if signed_in else None,
        attendance_labels=ATTENDANCE_LABELS,
        counts=registration_counts(meeting) if signed_in else {},
        registration_open=operations.registration_open(meeting),
        calendar_links=meeting_calendar_links(meeting),
        panels=draw(meeting_panels(meeting, current_user)),
        action_form=ActionForm(),
    )


@require(ADMIN)
def create() -> str | Response:
    form = NewMeetingForm(default_timezone=current_app.config["ISCG_DEFAULT_TIMEZONE"])
    done = submit(
        form,
        lambda: operations.schedule_meeting(
            current_user, form.details(), status=MeetingStatus(form.status.data)
        ),
        "The meeting is scheduled.",
        _meeting_page,
    )
    return done or render_template("meetings/form.html", form=form, meeting=None)


@require(ADMIN)
def edit(meeting_id: int) -> str | Response:
    meeting = meeting_or_404(meeting_id)
    if request.method == "GET":
        form = MeetingForm.for_meeting(meeting)
        form.revision.open(meeting_values(meeting))
    else:
        form = MeetingForm(default_timezone=meeting.timezone, current_status=meeting.status)
    done = submit(
        form,
        lambda: operations.update_meeting(
            current_user, meeting, form.details(), form.revision.opened
        ),
        "The meeting is updated.",
        _meeting_page,
    )
    return done or render_template("meetings/form.html", form=form, meeting=meeting)


@require(ADMIN)
def confirm(meeting_id: int) -> Response:
    meeting = meeting_or_404(meeting_id)
    act(
        ActionForm(),
        lambda: operations.confirm_meeting(current_user, meeting),
        "The meeting is confirmed.",
    )
    return redirect(_meeting_page(meeting))


@require(ADMIN)
def cancel(meeting_id: int) -> str | Response:
    meeting = meeting_or_404(meeting_id)
    form = ActionForm()
    if request.method == "GET":
        return render_template("meetings/cancel.html", meeting=meeting, form=form)
    act(
        form,
        lambda: operations.cancel_meeting(current_user, meeting),
        "The meeting is cancelled. Calendars will show it as cancelled.",
    )
    return redirect(_meeting_page(meeting))


@require(ADMIN)
def agenda(meeting_id: int) -> str | Response:
    meeting = meeting_or_404(meeting_id)
    form = AgendaItemForm()
    done = submit(
        form,
        lambda: operations.add_agenda_item(
            current_user, meeting, form.title.data, form.presenter.data, form.notes.data
        ),
        "The item is added to the agenda.",
        lambda _item: _agenda_page(meeting),
    )
    return done or render_template(
        "meetings/agenda.html",
        meeting=meeting,
        form=form,
        move_form=MoveAgendaItemForm(formdata=None),
        action_form=ActionForm(formdata=None),
    )


@require(ADMIN)
def edit_agenda_item(meeting_id: int, item_id: int) -> str | Response:
    meeting = meeting_or_404(meeting_id)
    item = agenda_item_or_404(meeting, item_id)
    form = AgendaItemForm(obj=item)
    if request.method == "GET":
        form.revision.open(agenda_item_values(item))
    done = submit(
        form,
        lambda: operations.update_agenda_item(
            current_user,
            item,
            form.title.data,
            form.presenter.data,
            form.notes.data,
            form.revision.opened,
        ),
        "The agenda item is updated.",
        lambda _item: _agenda_page(meeting),
    )
    return done or render_template(
        "meetings/agenda_item_form.html", meeting=meeting, item=item, form=form
    )


@require(ADMIN)
def delete_agenda_item(meeting_id: int, item_id: int) -> Response:
    meeting = meeting_or_404(meeting_id)
    item = agenda_item_or_404(meeting, item_id)
    act(
        ActionForm(),
        lambda: operations.remove_agenda_item(current_user, item),
        "The item is removed.",
    )
    return redirect(_agenda_page(meeting))


@require(ADMIN)
def move_agenda_item(meeting_id: int, item_id: int) -> Response:
    meeting = meeting_or_404(meeting_id)
    item = agenda_item_or_404(meeting, item_id)
    form = MoveAgendaItemForm()
    act(
        form,
        lambda: operations.move_agenda_item(current_user, item, form.offset),
        "The agenda is reordered.",
    )
    return redirect(_agenda_page(meeting))


@require(MEMBER)
def register(meeting_id: int) -> str | Response:
    meeting = meeting_or_404(meeting_id)
    registration = registration_of(meeting, current_user)
    form = extended_form(
        RegistrationForm, CoreForm.MEETING_REGISTRATION, registration,
        obj=registration, meeting=meeting,
    )  # fmt: skip
    done = submit(
        form,
        lambda: operations.register_attendance(
            current_user, meeting, form.chosen_attendance, extension_values(form)
        ),
        "Your registration is saved.",
        lambda _registration: _meeting_page(meeting),
    )
    return done or render_template(
        "meetings/registration.html",
        meeting=meeting, form=form, registration=registration, plugin_fields=field_groups(form),
    )  # fmt: skip


@require(MEMBER)
def withdraw(meeting_id: int) -> Response:
    meeting = meeting_or_404(meeting_id)
    registration = registration_of(meeting, current_user)
    if registration is not None:
        act(
            ActionForm(),
            lambda: operations.withdraw_registration(current_user, registration),
            "You have withdrawn your registration.",
        )
    return redirect(_meeting_page(meeting))


@require(SECRETARIAT_READ)
def registrations(meeting_id: int) -> str:
    meeting = meeting_or_404(meeting_id)
    return render_template(
        "meetings/registrations.html",
        meeting=meeting,
        registrations=registrations_of(meeting),
        attendance_labels=ATTENDANCE_LABELS,
    )
