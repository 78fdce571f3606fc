"""The hidden field by which every edit form carries the revision it was opened at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wtforms import HiddenField
from wtforms.validators import ValidationError

from iscg_module.revisions.revision import Revision
from iscg_module.revisions.stale_edit import StaleEdit, open_revision

UNREADABLE = "This form could not tell which version of the record it shows; reload the page."


class RevisionField(HiddenField):
    """The record's revision when the form was opened; ``opened`` reads it back.

    ``open(values)`` writes the revision of the record's editable values when the form is
    first shown. A form sent without the field (by no page of the product) compares with
    nothing; one whose field was garbled is refused.
    """

    def __init__(self, *args: Any, prefix: str = "", **kwargs: Any) -> None:
        """``prefix`` starts the names of the form's fields, but not the record's names."""
        super().__init__(*args, **kwargs)
        self.prefix = prefix

    def open(self, values: Mapping[str, Any]) -> None:
        self.data = open_revision(values).encode()

    @property
    def opened(self) -> Revision | None:
        return Revision.decode(self.data) if self.data else None

    def pre_validate(self, form: Any) -> None:
        if self.data and self.opened is None:
            raise ValidationError(UNREADABLE)

    def explain(self, refusal: StaleEdit, form: Any) -> str:
        """The refusal in the form's words, and the form made ready to save over it knowingly.

        Fields are named by their labels on the form (a change only to what the form does not
        show, such as a status or a version, is said so); the hidden revision moves to the
        record's current one, so that saving again, having read the message, is a choice.
        """
        self.open(refusal.current)
        labels = {field.name.removeprefix(self.prefix): field.label.text for field in form}
        shown = [labels[name] for name in refusal.fields if name in labels]
        changed = ", ".join(shown) or "parts of it this form does not show, such as its status"
        return (
            f"{refusal} Changed since you opened it: {changed}. Saving this form again "
            "replaces their changes with what it shows: compare with the record's page first."
        )
