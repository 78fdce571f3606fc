"""The accessibility theme's views; ``blueprint.py`` maps them to their addresses."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_login import current_user
from iscg_accessibility.chart import fund_charts
from iscg_accessibility.forms import ContributionForm, ItemForm, LiaisonForm, StepForm
from iscg_accessibility.fund import entries, record_contribution, totals_by_year
from iscg_accessibility.items import STATUS_LABELS, all_items, move_item, record_item
from iscg_accessibility.liaisons import (
    PURPOSE_LABELS,
    all_liaisons,
    change_liaison,
    record_liaison,
)
from iscg_accessibility.models import Item, ItemStatus, LiaisonStatement
from iscg_accessibility.permissions import RECORD
from werkzeug.wrappers import Response

from iscg_module.platform.api import MEMBER, db, require, submit


def _item_or_404(item_id: int) -> Item:
    return db.session.get(Item, item_id) or abort(404)


def _item_page(item: Item) -> str:
    return url_for("accessibility.item", item_id=item.id)


@require(MEMBER)
def index() -> str:
    return render_template(
        "iscg_accessibility/index.html",
        items=all_items(), labels=STATUS_LABELS, may_record=RECORD.allows(current_user),
        liaisons=all_liaisons(), purposes=PURPOSE_LABELS,
    )  # fmt: skip


@require(RECORD)
def new_item() -> str | Response:
    form = ItemForm()
    done = submit(
        form,
        lambda: record_item(current_user, form.details, form.on_day.data, form.reason.data),
        "The item is recorded.",
        _item_page,
    )
    return done or render_template("iscg_accessibility/item_form.html", form=form)


@require(MEMBER)
def item(item_id: int) -> str:
    found = _item_or_404(item_id)
    return render_template(
        "iscg_accessibility/item.html",
        item=found, labels=STATUS_LABELS, may_record=RECORD.allows(current_user),
        step_form=StepForm(formdata=None, current=found.status),
    )  # fmt: skip


@require(RECORD)
def step(item_id: int) -> str | Response:
    found = _item_or_404(item_id)
    form = StepForm(current=found.status)
    done = submit(
        form,
        lambda: move_item(
            current_user, found, ItemStatus(form.status.data), form.on_day.data, form.reason.data
        ),
        "The step is recorded.",
        _item_page,
    )
    return done or render_template(
        "iscg_accessibility/step_form.html", item=found, form=form, labels=STATUS_LABELS
    )


@require(MEMBER)
def fund() -> str:
    totals = totals_by_year()
    return render_template(
        "iscg_accessibility/fund.html",
        entries=entries(), totals=totals, fund_charts=fund_charts(totals),
        may_record=RECORD.allows(current_user),
    )  # fmt: skip


@require(RECORD)
def new_contribution() -> str | Response:
    form = ContributionForm()
    done = submit(
        form,
        lambda: record_contribution(current_user, form.contribution),
        "The entry is recorded.",
        lambda _entry: url_for("accessibility.fund"),
    )
    return done or render_template("iscg_accessibility/contribution_form.html", form=form)


def _liaison_or_404(liaison_id: int) -> LiaisonStatement:
    return db.session.get(LiaisonStatement, liaison_id) or abort(404)


def _liaison_page(statement: LiaisonStatement) -> str:
    return url_for("accessibility.liaison", liaison_id=statement.id)


@require(MEMBER)
def liaison(liaison_id: int) -> str:
    return render_template(
        "iscg_accessibility/liaison.html",
        statement=_liaison_or_404(liaison_id), purposes=PURPOSE_LABELS,
        may_record=RECORD.allows(current_user),
    )  # fmt: skip


@require(RECORD)
def new_liaison() -> str | Response:
    form = LiaisonForm()
    done = submit(
        form,
        lambda: record_liaison(current_user, form.details, form.chosen_files),
        "The liaison statement is recorded.",
        _liaison_page,
    )
    return done or render_template("iscg_accessibility/liaison_form.html", form=form)


@require(RECORD)
def edit_liaison(liaison_id: int) -> str | Response:
    statement = _liaison_or_404(liaison_id)
    form = LiaisonForm.editing(statement, posted=request.method == "POST")
    done = submit(
        form,
        lambda: change_liaison(
            current_user, statement, form.details, form.chosen_files, form.revision.opened
        ),
        "The liaison statement is saved.",
        _liaison_page,
    )
    return done or render_template(
        "iscg_accessibility/liaison_form.html", form=form, statement=statement
    )
