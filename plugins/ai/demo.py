"""The AI report as the reference report of September 2021 tells it.

The core's demo publishes the update "AI activities coordinated across the Sectors"
(ISCG/21-2/3-1); its published version gets the activities and terms of reference that
the reference report names, no more: the ISC-TF Focal Point for AI coordinates AI
activities across the Sectors, with a sub-group within the ISC-TF.
"""

from __future__ import annotations

from iscg_ai.models import ActivityStatus
from iscg_ai.reports import ActivityDetails, published_reports, store_report

from iscg_module.platform.api import Sector, transactional

DEMO_TITLE = "AI activities coordinated across the Sectors"

ACTIVITIES = (
    ActivityDetails(
        sector=Sector.GENERAL_SECRETARIAT,
        group="ISC-TF Focal Point for AI",
        title="Coordination of AI activities across the Sectors",
        status=ActivityStatus.ONGOING,
    ),
    ActivityDetails(
        sector=Sector.GENERAL_SECRETARIAT,
        group="ISC-TF",
        title="AI sub-group within the ISC-TF",
        status=ActivityStatus.ONGOING,
    ),
)

TERMS_OF_REFERENCE = (
    "The AI sub-group works within the Inter-Sectoral Coordination Task Force (ISC-TF), "
    "at the secretariat level. It coordinates AI activities across the Sectors.\n\n"
    "The ISC-TF Focal Point for AI reports to the ISCG on the activities being coordinated "
    "and on these terms of reference (ISCG/21-2/3-1, presented on 1 September 2021)."
)


def load_demo() -> None:
    """Give the demo's published AI update its report, once; running it again changes nothing."""
    found = next((item for item in published_reports() if item.update.title == DEMO_TITLE), None)
    if found is not None and found.saved is None:
        _record(found.update)


@transactional
def _record(update: object) -> None:
    store_report(None, update, ACTIVITIES, TERMS_OF_REFERENCE)
