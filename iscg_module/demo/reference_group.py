"""The ISCG as its 2021 progress report to TDAG describes it, loaded idempotently.

Everything here comes from that report: the meeting of 1 September 2021 held virtually on
Zoom and what was presented there, the next meeting planned for the end of January or the
beginning of February 2022, the themes with their focal points, and the themes proposed
for the future. The report gives no hour for the meeting; the demo places it in the
Geneva afternoon. The accounts are demo accounts for the development sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.database.unit_of_work import transactional
from iscg_module.demo.theme_updates import load_theme_updates
from iscg_module.extensions import db
from iscg_module.meetings import operations as meetings
from iscg_module.meetings.models import Meeting, MeetingFormat, MeetingStatus
from iscg_module.meetings.schedule import DateWindow, ExactTimes, MeetingDetails
from iscg_module.themes.models import Theme, ThemeStatus
from iscg_module.themes.operations import ensure_theme
from iscg_module.users.models import User
from iscg_module.users.operations import ensure_user, grant_role
from iscg_module.users.roles import Role, RoleSource, Sector

GENEVA = "Europe/Zurich"
SEPTEMBER_MEETING_UID = "iscg-2021-09-01@iscg-module"
NEXT_MEETING_UID = "iscg-2022-01-next@iscg-module"


@dataclass(frozen=True)
class DemoTheme:
    slug: str
    title: str
    description: str
    status: ThemeStatus
    proposed_by: str | None = None


THEMES = (
    DemoTheme(
        "ai", "Artificial intelligence",
        "Activities on AI coordinated across the Sectors by the ISC-TF Focal Point for AI, "
        "and the terms of reference of the AI sub-group within the ISC-TF (ISCG/21-2/3-1).",
        ThemeStatus.ACTIVE,
    ),
    DemoTheme(
        "accessibility", "Accessibility",
        "Implementation of the ITU-wide accessibility strategy: a budget line for "
        "accessibility (100k CHF/year) to be requested from Council 2022, the ICT "
        "Accessibility Fund, and a liaison statement to ITU-D Q7/1 (ISCG/21-2/04-2).",
        ThemeStatus.ACTIVE,
    ),
    DemoTheme(
        "climate-change", "Climate change",
        "ITU's internal work to become a greener organization (ISCG/21-2/INF-1).",
        ThemeStatus.ACTIVE,
    ),
    DemoTheme(
        "resource-sharing", "Resource sharing implications of inter-sectoral activities",
        "Proposed as a possible future theme at the meeting of 1 September 2021.",
        ThemeStatus.PROPOSED,
    ),
    DemoTheme(
        "document-access", "Harmonized access to documents on intersectoral activities",
        "Harmonizing the way to access and to share documents on intersectoral activities "
        "among the three Sectors, with a TIES account, independently of the members' "
        "category and/or affiliation. The ISCG Secretariat will develop guidelines for all "
        "Counsellors to refer properly to documents on intersectoral activities.",
        ThemeStatus.PROPOSED,
    ),
    DemoTheme(
        "achievements-for-itu-d", "Harmonized guidelines on achievements for ITU-D",
        "How to harmonize guidelines to indicate the main achievements and deliverables of "
        "ITU-R and ITU-T to be addressed to ITU-D in support of its activities, on topics of "
        "particular interest for developing countries.",
        ThemeStatus.PROPOSED, "RAG representative",
    ),
    DemoTheme(
        "conformance-interoperability", "Conformance and interoperability",
        "Proposed during the last TDAG meeting as a theme to be addressed within the ISCG.",
        ThemeStatus.PROPOSED, "TDAG",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class DemoAccount:
    subject: str
    name: str
    email: str
    role: Role | None = None
    theme: str | None = None
    sector: Sector | None = None


ACCOUNTS = (
    DemoAccount("secretariat", "ISCG Secretariat", "secretariat@iscg.example", Role.ADMIN),
    DemoAccount("chair", "ISCG Chairman", "chair@iscg.example", Role.CHAIR),
    DemoAccount("ai-focal-point", "ISC-TF Focal Point for AI", "ai@iscg.example",
                Role.FOCAL_POINT, theme="ai"),
    DemoAccount("accessibility-focal-point", "Focal Point for Accessibility",
                "accessibility@iscg.example", Role.FOCAL_POINT, theme="accessibility"),
    DemoAccount("bdt-counsellor", "BDT Counsellor", "bdt@iscg.example", Role.COUNSELLOR,
                sector=Sector.ITU_D),
    DemoAccount("tdag-member", "TDAG member", "member@iscg.example"),
)  # fmt: skip

SEPTEMBER_AGENDA = (
    ("Report on the implementation of PP Resolution 191 (Rev. Dubai, 2018)",
     "ISCG Secretariat",
     "Report of the ISC-TF by themes; the new Conference Coordination Group (CCG); Zoom "
     "integrated with the ITU User Account; platforms used by the three Sectors."),
    ("Activities coordinated on AI and terms of reference of the AI sub-group",
     "ISC-TF Focal Point for AI", "See ISCG/21-2/3-1."),
    ("Mapping tables updated with information received until 16 July 2021",
     "ISCG Secretariat", "See ISCG/21-2/04-1."),
    ("Climate change: ITU's internal work to become a greener organization",
     "ITU Secretariat", "Information document ISCG/21-2/INF-1."),
    ("Accessibility: work coordinated within the ISC-TF", "Focal Point for Accessibility",
     "See ISCG/21-2/04-2. Budget line for accessibility (100k CHF/year) to be requested from "
     "Council 2022; ICT Accessibility Fund; liaison statement to ITU-D Q7/1."),
    ("Possible future themes", "ISCG Chairman", None),
    ("Next meeting", None, None),
)  # fmt: skip


@transactional
def load_reference_group() -> dict[str, int]:
    """Load the demo; running it again changes nothing. Returns what exists afterwards."""
    themes = {demo.slug: _theme(demo) for demo in THEMES}
    users = [_account(account, themes) for account in ACCOUNTS]
    _september_meeting()
    _next_meeting()
    updates = load_theme_updates()
    return {
        "themes": len(themes),
        "accounts": len(users),
        "meetings": len(list(db.session.scalars(select(Meeting.id)))),
        "updates": updates,
    }


def _theme(demo: DemoTheme) -> Theme:
    return ensure_theme(
        None, demo.slug, demo.title, demo.description, demo.status, demo.proposed_by
    )


def _account(account: DemoAccount, themes: dict[str, Theme]) -> User:
    user = ensure_user(DEVELOPMENT_ISSUER, account.subject, account.email, account.name)
    if account.role is not None:
        source = (
            RoleSource.PROVIDER if account.role in (Role.ADMIN, Role.CHAIR) else RoleSource.PRODUCT
        )
        grant_role(None, user, account.role, source,
                   theme=themes.get(account.theme or ""), sector=account.sector)  # fmt: skip
    return user


def _existing(uid: str) -> Meeting | None:
    return db.session.scalar(select(Meeting).where(Meeting.uid == uid))


def _september_meeting() -> Meeting:
    existing = _existing(SEPTEMBER_MEETING_UID)
    if existing is not None:
        return existing
    zone = ZoneInfo(GENEVA)
    details = MeetingDetails(
        title="ISCG meeting",
        description=(
            "Meeting of the Inter-Sector Coordination Group (ISCG) on issues of mutual "
            "interest, held virtually on Zoom through the ITU User Account.\n\n"
            "The ISCG identifies subjects common to the three Sectors and the General "
            "Secretariat, and mechanisms to enhance cooperation and avoid duplication of "
            "effort, in line with Resolution 191 (Rev. Dubai, 2018)."
        ),
        timezone=GENEVA,
        schedule=ExactTimes(
            datetime(2021, 9, 1, 14, 0, tzinfo=zone), datetime(2021, 9, 1, 16, 0, tzinfo=zone)
        ),
        format=MeetingFormat.VIRTUAL,
        platform="Zoom",
    )
    meeting = meetings.schedule_meeting(
        None, details, status=MeetingStatus.CONFIRMED, uid=SEPTEMBER_MEETING_UID
    )
    for title, presenter, notes in SEPTEMBER_AGENDA:
        meetings.add_agenda_item(None, meeting, title, presenter, notes)
    return meeting


def _next_meeting() -> Meeting:
    existing = _existing(NEXT_MEETING_UID)
    if existing is not None:
        return existing
    details = MeetingDetails(
        title="ISCG meeting",
        description=(
            "The next meeting of the ISCG will take place at the end of January or beginning "
            "of February 2022. The Secretary to coordinate and inform. Detailed information "
            "will be posted in the ITU Events portal."
        ),
        timezone=GENEVA,
        schedule=DateWindow(date(2022, 1, 24), date(2022, 2, 4)),
        format=MeetingFormat.VIRTUAL,
        platform="Zoom",
    )
    return meetings.schedule_meeting(
        None, details, status=MeetingStatus.TENTATIVE, uid=NEXT_MEETING_UID
    )
