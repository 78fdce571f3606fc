"""Form fields for attaching files, and for taking attached files off, for any form.

``AttachmentsField`` checks the chosen files by the rules of ``file_rules`` when its form
is validated, so a refused file is named beside the field and nothing is saved; the
operation that stores them (``store_attachments``) checks them once more.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wtforms import MultipleFileField, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from iscg_module.attachments.file_rules import (
    KIND_OF_EXTENSION,
    LIMITS,
    AttachmentRefused,
    check_files,
    chosen_files,
)
from iscg_module.attachments.models import Attachment

ACCEPT = ",".join(KIND_OF_EXTENSION)


class AttachmentsField(MultipleFileField):
    """Optional files: up to ``MAX_FILES``, each of an allowed kind and size.

    Its ``data`` is the list of chosen files (werkzeug ``FileStorage``), empty when none
    was chosen; hand it to ``store_attachments``. The form's tag needs
    ``enctype="multipart/form-data"``.
    """

    def __init__(self, label: str = "Attach files", validators: Any = None, **kwargs: Any):
        kwargs.setdefault("description", LIMITS)
        kwargs["render_kw"] = {"accept": ACCEPT, **(kwargs.get("render_kw") or {})}
        super().__init__(label, validators, default=list, **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = chosen_files(valuelist)

    def pre_validate(self, form: Any) -> None:
        try:
            check_files(self.data or [])
        except AttachmentRefused as error:
            raise ValidationError(str(error)) from error


class RemovedAttachmentsField(SelectMultipleField):
    """One checkbox per attached file, ticked to take it off; ``offer`` lists the files.

    Its ``data`` is the list of the ticked attachments' ids; an id that was not offered
    is refused when the form is validated.
    """

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, label: str = "Remove attached files", validators: Any = None, **kwargs: Any):
        kwargs.setdefault("description", "Tick a file to take it off.")
        super().__init__(label, validators, coerce=int, choices=[], **kwargs)

    def offer(self, attachments: Iterable[Attachment]) -> None:
        self.choices = [
            (item.id, f"Remove {item.filename} ({item.kind_label}, {item.size_text})")
            for item in attachments
        ]

    @property
    def ticked(self) -> frozenset[int]:
        return frozenset(self.data or ())
