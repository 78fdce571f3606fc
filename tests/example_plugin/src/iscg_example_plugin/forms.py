"""The example plugin's forms: a note, and the topic field on the meeting registration."""

from __future__ import annotations

from typing import Any

from wtforms import StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired, Length, Optional

from iscg_example_plugin.models import NOTE_MAX, TOPIC_MAX
from iscg_example_plugin.notes import save_topic, topic_of
from iscg_module.platform.api import FormExtension, TrimmedForm


class NoteForm(TrimmedForm):
    body = TextAreaField("Note", validators=[DataRequired(), Length(max=NOTE_MAX)])


class MeetingTopicField(FormExtension):
    """Adds "a topic you would like to raise" to the core's meeting registration form."""

    legend = "Example theme"

    def fields(self) -> dict[str, UnboundField]:
        return {
            "topic": StringField(
                "A topic you would like to raise (optional)",
                description=f"At most {TOPIC_MAX} characters.",
                validators=[Optional(), Length(max=TOPIC_MAX)],
            )
        }

    def load(self, subject: Any) -> dict[str, Any]:
        return {"topic": topic_of(subject.id)}

    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        save_topic(subject.id, subject.meeting_id, values["topic"] or "")
