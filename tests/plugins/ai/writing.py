"""Writing AI reports as a focal point does, through the core's update form."""

from __future__ import annotations

from typing import Any

from iscg_module.extensions import db
from iscg_module.theme_updates.models import ThemeUpdate
from iscg_module.themes.models import ThemeStatus
from iscg_module.themes.operations import ensure_theme

UPDATE = {
    "title": "AI activities coordinated across the Sectors",
    "period_start": "2021-03-01",
    "period_end": "2021-09-01",
    "body": "The ISC-TF Focal Point for AI reported on the activities being coordinated.",
    "links": "ISCG/21-2/3-1",
}
ROW_FIELDS = ("sector", "group", "title", "status", "next_step", "link")
TERMS = "The AI sub-group works within the ISC-TF."


def make_ai_theme() -> None:
    ensure_theme(None, "ai", "Artificial intelligence", "", ThemeStatus.ACTIVE)


def activity(title: str, sector: str = "ITU-T", status: str = "ongoing", **rest: str) -> dict:
    return {"sector": sector, "group": "", "title": title, "status": status, "next_step": "",
            "link": "", **rest}  # fmt: skip


def form_data(rows: list[dict], terms: str = TERMS, blank: int = 3, **changes: Any) -> dict:
    """The update form as a browser sends it: every row's every field, blank rows too."""
    data = {**UPDATE, "ai__terms_of_reference": terms, **changes}
    for number, row in enumerate([*rows, *({} for _ in range(blank))]):
        for name in ROW_FIELDS:
            data[f"ai__activities-{number}-{name}"] = row.get(name, "")
    return data


def write_report(writer, rows: list[dict], submit: bool = False, url: str | None = None, **kw):
    """Post the report; returns the response (a redirect to the update when saved)."""
    button = {"save_and_submit": "y"} if submit else {"save": "y"}
    target = url or "/themes/ai/updates/new"
    return writer.post_form(target, {**form_data(rows, **kw), **button})


def publish_report(writer, admin_client, rows: list[dict], **kw) -> ThemeUpdate:
    """Write, submit and publish a report; returns its update."""
    response = write_report(writer, rows, submit=True, **kw)
    assert response.status_code == 302, response.get_data(as_text=True)
    update_id = int(response.location.rstrip("/").rsplit("/", 1)[1])
    assert admin_client.post_form(f"/themes/ai/updates/{update_id}/publish").status_code == 302
    return db.session.get(ThemeUpdate, update_id)
