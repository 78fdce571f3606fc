"""The focal points' updates of September 2021, as the reference report tells them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from iscg_module.auth.development_accounts import DEVELOPMENT_ISSUER
from iscg_module.extensions import db
from iscg_module.theme_updates.content import DocumentLink, UpdateContent
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.theme_updates.operations import Draft, publish_update, save_draft, submit_update
from iscg_module.themes.models import Theme
from iscg_module.users.models import User

PERIOD = (date(2021, 3, 1), date(2021, 9, 1))


@dataclass(frozen=True)
class DemoUpdate:
    theme: str
    writer: str
    title: str
    body: str
    links: tuple[DocumentLink, ...]


UPDATES = (
    DemoUpdate(
        "accessibility", "accessibility-focal-point",
        "Accessibility work coordinated within the ISC-TF",
        "Presented to the ISCG on 1 September 2021.\n\n"
        "- Implementing the **ITU-wide accessibility strategy** needs a budget line for "
        "accessibility of **100k CHF per year**. No decision was taken by C21/VCC and the "
        "point is not going to CWG-FHR in September 2021, so a request needs to be prepared "
        "for Council 2022.\n"
        "- The membership is invited to replenish the **ICT Accessibility Fund**.\n\n"
        "The ISCG agreed to support the request for an accessibility budget line, and to send "
        "a liaison statement to ITU-D Q7/1 with the presentation, for information.",
        (DocumentLink("ISCG/21-2/04-2"),),
    ),
    DemoUpdate(
        "ai", "ai-focal-point",
        "AI activities coordinated across the Sectors",
        "The ISC-TF Focal Point for AI reported on the activities being coordinated across "
        "the Sectors and on the terms of reference of the AI sub-group within the ISC-TF.",
        (DocumentLink("ISCG/21-2/3-1"),),
    ),
    DemoUpdate(
        "climate-change", "secretariat",
        "ITU's internal work to become a greener organization",
        "The ITU Secretariat presented an information document with the latest developments "
        "on ITU's internal work to become a greener organization, in the framework of the "
        "climate change theme (https://www.itu.int/climate).",
        (DocumentLink("ISCG/21-2/INF-1"),),
    ),
)  # fmt: skip


def load_theme_updates() -> int:
    """Write, submit and publish each update once; return how many demo updates exist."""
    publisher = _account("secretariat")
    for demo in UPDATES:
        theme = db.session.scalar(select(Theme).where(Theme.slug == demo.theme))
        if theme is None or _exists(theme, demo.title):
            continue
        content = UpdateContent(demo.title, *PERIOD, demo.body, demo.links)
        update = save_draft(_account(demo.writer), theme, Draft(content))
        submit_update(_account(demo.writer), update)
        publish_update(publisher, update)
    return len(UPDATES)


def _account(subject: str) -> User:
    query = select(User).where(User.issuer == DEVELOPMENT_ISSUER, User.subject == subject)
    return db.session.scalars(query).one()


def _exists(theme: Theme, title: str) -> bool:
    query = select(ThemeUpdate.id).where(
        ThemeUpdate.theme_id == theme.id, ThemeUpdate.title == title
    )
    return db.session.scalar(query) is not None
