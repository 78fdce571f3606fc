"""The "Accessibility needs" fieldset on the core's meeting registration form."""

from __future__ import annotations

from typing import Any

from iscg_accessibility.meeting_needs import DOCUMENT_FORMAT_LABELS, Needs, needs_of, save_needs
from iscg_accessibility.models import OTHER_NEEDS_MAX, SIGN_LANGUAGE_MAX, DocumentFormat
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional

from iscg_module.platform.api import FormExtension

COMMON_SIGN_LANGUAGES = (
    "International Sign",
    "American Sign Language (ASL)",
    "British Sign Language (BSL)",
    "French Sign Language (LSF)",
    "Swiss French Sign Language (LSF-SR)",
    "Swiss German Sign Language (DSGS)",
    "Spanish Sign Language (LSE)",
    "Russian Sign Language (RSL)",
    "Chinese Sign Language (CSL)",
)
ANOTHER = "another"


class MeetingNeedsFields(FormExtension):
    """Captioning, sign language, accessible documents and other needs, with a registration.

    The sign language is a tick box, a list of common ones and a name for any other, so
    that most members pick rather than type; only the language's name is stored.
    """

    legend = "Accessibility needs"

    def fields(self) -> dict[str, UnboundField]:
        languages = [SelectChoice(name, name) for name in COMMON_SIGN_LANGUAGES]
        formats = [
            SelectChoice(kind.value, label) for kind, label in DOCUMENT_FORMAT_LABELS.items()
        ]
        return {
            "captioning": BooleanField(
                "Live captioning",
                description="Real-time captions of what is said, in the room or online.",
            ),
            "sign_language_needed": BooleanField("Sign language interpretation"),
            "sign_language": SelectField(
                "Which sign language",
                description="If you ticked sign language interpretation.",
                choices=[
                    SelectChoice("", "Choose a sign language"),
                    *languages,
                    SelectChoice(ANOTHER, "Another sign language (name it below)"),
                ],
            ),
            "sign_language_other": StringField(
                "Another sign language",
                description=(
                    "If yours is not in the list, its name, for example Italian Sign Language "
                    f"(LIS). At most {SIGN_LANGUAGE_MAX} characters."
                ),
                validators=[Optional(), Length(max=SIGN_LANGUAGE_MAX)],
            ),
            "accessible_documents": BooleanField("Meeting documents in an accessible format"),
            "document_format": SelectField(
                "Which format",
                description="If you ticked accessible documents; leave it if any will do.",
                choices=[SelectChoice("", "Any accessible format"), *formats],
            ),
            "other_needs": TextAreaField(
                "Other needs (optional)",
                description=(
                    "For example step-free access, a hearing loop or breaks at set times; the "
                    f"secretariat reads this to arrange services. At most {OTHER_NEEDS_MAX} "
                    "characters."
                ),
                validators=[Optional(), Length(max=OTHER_NEEDS_MAX)],
            ),
        }

    def load(self, subject: Any) -> dict[str, Any]:
        needs = needs_of(subject.id)
        listed = needs.sign_language in COMMON_SIGN_LANGUAGES
        if listed or not needs.sign_language:
            chosen, other = needs.sign_language, ""
        else:
            chosen, other = ANOTHER, needs.sign_language
        return {
            "captioning": needs.captioning,
            "sign_language_needed": bool(needs.sign_language),
            "sign_language": chosen,
            "sign_language_other": other,
            "accessible_documents": needs.accessible_documents,
            "document_format": needs.document_format.value if needs.document_format else "",
            "other_needs": needs.other_needs,
        }

    def check(self, values: dict[str, Any]) -> dict[str, str]:
        """The sign language and the document format must agree with their tick boxes."""
        problems = {}
        chosen = values["sign_language"] or ""
        typed = values["sign_language_other"] or ""
        if not values["sign_language_needed"]:
            if chosen or typed:
                problems["sign_language_needed"] = (
                    "You named a sign language: tick “Sign language interpretation”, or clear "
                    "the sign language."
                )
        elif chosen not in ("", ANOTHER) and typed:
            problems["sign_language_other"] = (
                f"You chose {chosen} and also typed “{typed}”: keep only the sign language "
                "you need."
            )
        elif not (typed if chosen in ("", ANOTHER) else chosen):
            problems["sign_language"] = (
                "Say which sign language you need: choose it in the list, or type its name "
                "under “Another sign language”."
            )
        if values["document_format"] and not values["accessible_documents"]:
            problems["accessible_documents"] = (
                "You chose a document format: tick “Meeting documents in an accessible "
                "format”, or set the format back to “Any accessible format”."
            )
        return problems

    def save(self, actor: Any, subject: Any, values: dict[str, Any]) -> None:
        chosen = values["sign_language"] or ""
        language = (values["sign_language_other"] or "") if chosen in ("", ANOTHER) else chosen
        needs = Needs(
            captioning=bool(values["captioning"]),
            sign_language=language if values["sign_language_needed"] else "",
            accessible_documents=bool(values["accessible_documents"]),
            document_format=DocumentFormat(values["document_format"])
            if values["document_format"]
            else None,
            other_needs=values["other_needs"] or "",
        )
        save_needs(subject.id, subject.meeting_id, needs)
