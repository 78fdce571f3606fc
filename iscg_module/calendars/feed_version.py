"""A feed's version, read in one aggregate query, so unchanged feeds are never rebuilt.

Meetings are never deleted and every change raises a meeting's ``revision``; so the count
of meetings, the sum of their revisions and the latest change time together move with
every change to any meeting in the feed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, true

from iscg_module.extensions import db
from iscg_module.meetings.models import Meeting

# Raise when the builder's output changes, so that clients fetch the new shape.
FEED_FORMAT = "3"


@dataclass(frozen=True)
class FeedVersion:
    etag: str
    last_modified: datetime | None


def feed_version(feed_key: str, where: ColumnElement[bool] | None = None) -> FeedVersion:
    """The version of the feed named ``feed_key`` over the meetings matching ``where``."""
    query = select(
        func.count(Meeting.id), func.coalesce(func.sum(Meeting.revision), 0),
        func.max(Meeting.updated_at),
    ).where(where if where is not None else true())  # fmt: skip
    count, revisions, last_change = db.session.execute(query).one()
    return _version(feed_key, f"{count}:{revisions}:{last_change}", last_change)


def meeting_version(feed_key: str, meeting: Meeting) -> FeedVersion:
    """The version of a single meeting's file."""
    return _version(feed_key, f"{meeting.id}:{meeting.revision}", meeting.updated_at)


def _version(feed_key: str, state: str, last_change: datetime | None) -> FeedVersion:
    digest = hashlib.blake2b(f"{FEED_FORMAT}|{feed_key}|{state}".encode(), digest_size=16)
    return FeedVersion(etag=digest.hexdigest(), last_modified=last_change)
