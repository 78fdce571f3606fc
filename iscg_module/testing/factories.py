"""Meetings and theme updates for tests, made through the product's own operations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from werkzeug.datastructures import FileStorage

from iscg_module.database.utc_datetime import utc_now
from iscg_module.meetings import operations
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import DateWindow, ExactTimes, MeetingDetails
from iscg_module.testing.accounts import make_user
from iscg_module.theme_updates import operations as theme_updates
from iscg_module.theme_updates.content import DocumentLink, UpdateContent
from iscg_module.theme_updates.models import ThemeUpdate, UpdateStatus
from iscg_module.themes.models import Theme
from iscg_module.users.models import User
from iscg_module.users.roles import Role

GENEVA = ZoneInfo("Europe/Zurich")


def next_week_at(hour: int = 14, days: int = 7) -> datetime:
    """A Geneva wall-clock time some days from now."""
    day = (utc_now() + timedelta(days=days)).astimezone(GENEVA).date()
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=GENEVA)


def meeting_details(**changes: object) -> MeetingDetails:
    starts = next_week_at()
    values: dict[str, object] = {
        "title": "ISCG meeting",
        "description": "Coordination of **mutual interest** topics.",
        "timezone": "Europe/Zurich",
        "schedule": ExactTimes(starts, starts + timedelta(hours=2)),
        "format": MeetingFormat.VIRTUAL,
        "platform": "Zoom",
        "join_url": "https://zoom.example.org/j/123456",
        "venue": None,
    }
    values.update(changes)
    return MeetingDetails(**values)  # type: ignore[arg-type]


def make_meeting(
    status: MeetingStatus = MeetingStatus.CONFIRMED, actor: User | None = None, **changes: object
) -> Meeting:
    return operations.schedule_meeting(actor, meeting_details(**changes), status=status)


def make_tentative_window(earliest: date, latest: date, **changes: object) -> Meeting:
    return make_meeting(MeetingStatus.TENTATIVE, schedule=DateWindow(earliest, latest), **changes)


def at(year: int, month: int, day: int, hour: int, zone: str = "Europe/Zurich") -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=ZoneInfo(zone))


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def update_content(**changes: object) -> UpdateContent:
    values: dict[str, object] = {
        "title": "Budget line for accessibility",
        "period_start": date(2021, 7, 1),
        "period_end": date(2021, 9, 1),
        "body": "A request of **100k CHF per year** is prepared for Council 2022.",
        "links": (DocumentLink("ISCG/21-2/04-2"),),
    }
    values.update(changes)
    return UpdateContent(**values)  # type: ignore[arg-type]


def make_update(
    theme: Theme,
    writer: User,
    status: UpdateStatus = UpdateStatus.DRAFT,
    files: tuple[FileStorage, ...] = (),
    **changes: object,
) -> ThemeUpdate:
    """An update of ``theme`` by ``writer`` holding ``files``, taken as far as ``status``
    (an admin publishes)."""
    draft = theme_updates.Draft(update_content(**changes), new_files=files)
    update = theme_updates.save_draft(writer, theme, draft)
    if status == UpdateStatus.DRAFT:
        return update
    theme_updates.submit_update(writer, update)
    if status == UpdateStatus.SUBMITTED:
        return update
    secretariat = _secretariat()
    if status == UpdateStatus.RETURNED:
        return theme_updates.return_update(secretariat, update, "Please add the fund totals.")
    return theme_updates.publish_update(secretariat, update)


def _secretariat() -> User:
    return make_user("Publishing Secretariat", Role.ADMIN)
