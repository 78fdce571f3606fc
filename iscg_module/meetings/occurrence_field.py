"""The choice between the two occurrences of a wall-clock time that happens twice."""

from __future__ import annotations

from typing import Any

from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, Optional

from iscg_module.meetings.schedule import Occurrence, RepeatedTime

OCCURRENCES = [occurrence.value for occurrence in Occurrence]
GENERIC_LABELS = {Occurrence.EARLIER: "The first", Occurrence.LATER: "The second"}


class OccurrenceField(RadioField):
    """Radios for the earlier or later occurrence, drawn only once a repeated time is offered.

    Left unanswered it is None. A value other than the two occurrences is refused even when
    the time turns out not to repeat: the page never sends one, so it is worth a message.
    """

    def __init__(self, label: str, **kwargs: Any):
        super().__init__(
            label,
            choices=[SelectChoice(item.value, text) for item, text in GENERIC_LABELS.items()],
            validate_choice=False,
            validators=[
                Optional(),
                AnyOf(OCCURRENCES, message="Choose the first or the second of the two times."),
            ],
            **kwargs,
        )
        self.offered = False

    def offer(self, repeated: RepeatedTime, time_label: str) -> None:
        """Name ``repeated``'s two occurrences; ``time_label`` is the time field's ("Starts")."""
        self.label.text = f"{time_label}: which {repeated.earlier:%H:%M}?"
        self.description = repeated.explanation
        self.choices = [SelectChoice(item.value, repeated.label(item)) for item in Occurrence]
        self.offered = True

    def select(self, occurrence: Occurrence) -> None:
        self.data = occurrence.value

    @property
    def shown(self) -> bool:
        """Drawn when a repeated time was offered, or to explain a refused value."""
        return self.offered or bool(self.errors)

    @property
    def occurrence(self) -> Occurrence | None:
        try:
            return Occurrence(self.data)
        except ValueError:
            return None
