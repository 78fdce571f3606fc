"""Calendar views: feeds for calendar clients and the page that explains subscribing."""

from __future__ import annotations

from flask import Response, abort, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from iscg_module.access import MEMBER, PUBLIC, require
from iscg_module.calendars.conditional_get import calendar_response
from iscg_module.calendars.feeds import (
    PERSONAL_FEED_FILE,
    PUBLIC_FEED,
    PUBLIC_FEED_FILE,
    build_personal_feed,
    build_public_feed,
    build_single_meeting,
    personal_feed_version,
    public_feed_version,
    single_meeting_version,
)
from iscg_module.calendars.forms import NewSubscriptionForm
from iscg_module.calendars.subscribe_links import (
    google_subscribe_url,
    outlook_subscribe_url,
    webcal_url,
)
from iscg_module.calendars.subscription_operations import (
    SubscriptionRuleError,
    create_subscription,
    note_use,
    revoke_subscription,
)
from iscg_module.calendars.subscription_queries import (
    active_link,
    own_subscription_or_404,
    subscriptions_of,
)
from iscg_module.meetings.queries import meeting_or_404
from iscg_module.web.action_form import ActionForm
from iscg_module.web.form_flow import act


@require(PUBLIC)
def public_feed() -> Response:
    return calendar_response(
        public_feed_version(),
        build_public_feed,
        private=False,
        filename=PUBLIC_FEED_FILE,
        reads_session=False,
    )


@require(PUBLIC)
def meeting_file(meeting_id: int) -> Response:
    """One meeting; members signed in get the join link, so their copy is private."""
    meeting = meeting_or_404(meeting_id)
    members_copy = current_user.is_authenticated
    return calendar_response(
        single_meeting_version(meeting, members_copy),
        lambda: build_single_meeting(meeting, members_copy),
        private=members_copy,
        filename=f"iscg-meeting-{meeting.id}.ics",
    )


@require(PUBLIC)
def subscribe() -> str:
    feed_url = url_for("calendars.public_feed", _external=True)
    return render_template(
        "calendars/subscribe.html",
        feed_url=feed_url,
        webcal=webcal_url(feed_url),
        google=google_subscribe_url(feed_url),
        outlook=outlook_subscribe_url(feed_url, PUBLIC_FEED.name),
    )


@require(PUBLIC)
def personal_feed(token: str) -> Response:
    """A member's feed for calendar clients, which cannot sign in: the token is the key."""
    link = active_link(token)
    if link is None:
        abort(404)
    note_use(link)
    return calendar_response(
        personal_feed_version(),
        build_personal_feed,
        private=True,
        filename=PERSONAL_FEED_FILE,
        reads_session=False,
    )


@require(MEMBER)
def subscriptions() -> str | BaseResponse:
    """The member's calendar links; a new link's address is shown here once, never again."""
    form = NewSubscriptionForm()
    created = None
    if form.validate_on_submit():
        try:
            subscription, token = create_subscription(current_user, form.name.data)
        except SubscriptionRuleError as error:
            form.form_errors.append(str(error))
        else:
            created = _addresses(subscription.name, token)
            form = NewSubscriptionForm(formdata=None)
    return render_template(
        "calendars/links.html",
        form=form,
        created=created,
        links=subscriptions_of(current_user),
        action_form=ActionForm(formdata=None),
    )


@require(MEMBER)
def revoke(subscription_id: int) -> BaseResponse:
    subscription = own_subscription_or_404(current_user, subscription_id)
    act(
        ActionForm(),
        lambda: revoke_subscription(current_user, subscription),
        f"The link “{subscription.name}” is revoked; calendars using it stop updating.",
    )
    return redirect(url_for("calendars.subscriptions"))


def _addresses(name: str, token: str) -> dict[str, str]:
    feed_url = url_for("calendars.personal_feed", token=token, _external=True)
    return {
        "name": name,
        "https": feed_url,
        "webcal": webcal_url(feed_url),
        "google": google_subscribe_url(feed_url),
        "outlook": outlook_subscribe_url(feed_url, f"ISCG meetings ({name})"),
    }
