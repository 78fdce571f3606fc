"""The climate theme's views; ``blueprint.py`` maps them to their addresses."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user
from iscg_climate import remote_meetings
from iscg_climate.chart import indicator_chart
from iscg_climate.documents import THEME, linked_documents, theme_updates
from iscg_climate.forms import IndicatorForm, ValueForm
from iscg_climate.indicators import (
    DIRECTION_LABELS,
    all_indicators,
    change_indicator,
    change_value,
    define_indicator,
    period_words,
    record_value,
    remove_value,
)
from iscg_climate.models import Indicator, IndicatorValue
from iscg_climate.permissions import RECORD
from iscg_climate.trend import number, points_of, summary
from werkzeug.wrappers import Response

from iscg_module.platform.api import MEMBER, ActionForm, act, db, require, submit


def template_helpers() -> dict[str, object]:
    """What the theme's templates call beyond the core's filters."""
    return {"number": number}


def _indicator_or_404(indicator_id: int) -> Indicator:
    return db.session.get(Indicator, indicator_id) or abort(404)


def _value_or_404(value_id: int) -> IndicatorValue:
    return db.session.get(IndicatorValue, value_id) or abort(404)


def _indicator_page(indicator: Indicator) -> str:
    return url_for("climate.indicator", indicator_id=indicator.id)


def _summary(indicator: Indicator) -> str:
    return summary(indicator.name, indicator.unit, points_of(indicator.values), indicator.direction)


@require(MEMBER)
def index() -> str:
    updates = theme_updates()
    indicators = all_indicators()
    return render_template(
        "iscg_climate/index.html",
        theme=THEME, updates=updates, documents=linked_documents(updates),
        indicators=indicators, summaries={item.id: _summary(item) for item in indicators},
        directions=DIRECTION_LABELS, remote=remote_meetings.remote_share(),
        remote_meetings=remote_meetings, may_record=RECORD.allows(current_user),
    )  # fmt: skip


@require(MEMBER)
def remote_share() -> str:
    share = remote_meetings.remote_share()
    chart = indicator_chart(
        "remote-meetings", remote_meetings.NAME, remote_meetings.UNIT, share.points, share.summary
    )
    return render_template(
        "iscg_climate/remote_meetings.html",
        share=share, chart=chart, remote_meetings=remote_meetings, directions=DIRECTION_LABELS,
    )  # fmt: skip


@require(RECORD)
def new_indicator() -> str | Response:
    form = IndicatorForm()
    done = submit(
        form,
        lambda: define_indicator(current_user, form.details),
        "The indicator is defined.",
        _indicator_page,
    )
    return done or render_template("iscg_climate/indicator_form.html", form=form)


@require(MEMBER)
def indicator(indicator_id: int) -> str:
    found = _indicator_or_404(indicator_id)
    text = _summary(found)
    points = points_of(found.values)
    chart = indicator_chart(f"indicator-{found.id}", found.name, found.unit, points, text)
    return render_template(
        "iscg_climate/indicator.html",
        indicator=found, chart=chart if points else None, summary=text,
        directions=DIRECTION_LABELS, may_record=RECORD.allows(current_user),
        action_form=ActionForm(formdata=None), period_words=period_words,
    )  # fmt: skip


@require(RECORD)
def edit_indicator(indicator_id: int) -> str | Response:
    found = _indicator_or_404(indicator_id)
    form = IndicatorForm() if request.method == "POST" else IndicatorForm.of(found)
    done = submit(
        form,
        lambda: change_indicator(current_user, found, form.details, form.revision.opened),
        "The indicator is saved.",
        _indicator_page,
    )
    return done or render_template("iscg_climate/indicator_form.html", form=form, indicator=found)


@require(RECORD)
def new_value(indicator_id: int) -> str | Response:
    found = _indicator_or_404(indicator_id)
    form = ValueForm(indicator=found)
    done = submit(
        form,
        lambda: record_value(current_user, found, form.details),
        "The value is recorded.",
        lambda recorded: _indicator_page(recorded.indicator),
    )
    return done or render_template("iscg_climate/value_form.html", form=form, indicator=found)


@require(RECORD)
def edit_value(value_id: int) -> str | Response:
    recorded = _value_or_404(value_id)
    found = recorded.indicator
    form = ValueForm(indicator=found) if request.method == "POST" else ValueForm.of(recorded)
    done = submit(
        form,
        lambda: change_value(current_user, recorded, form.details, form.revision.opened),
        "The value is saved.",
        lambda changed: _indicator_page(changed.indicator),
    )
    return done or render_template(
        "iscg_climate/value_form.html", form=form, indicator=found, recorded=recorded
    )


@require(RECORD)
def remove(value_id: int) -> Response:
    recorded = _value_or_404(value_id)
    page = _indicator_page(recorded.indicator)
    act(ActionForm(), lambda: remove_value(current_user, recorded), "The value is removed.")
    return redirect(page)
