"""Record ids in addresses, and page numbers in query strings, kept inside the database's range.

Every id column is an ``Integer``, 32 bits on PostgreSQL; a larger number in an address
would reach the database and fail there. The ``id`` converter (``/meetings/<id:meeting_id>``)
matches only what a row's id can be, so anything else is the same 404 as a missing row,
for every visitor and every route, the plugins' included.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, abort
from werkzeug.routing import IntegerConverter, Map

RECORD_ID_MAX = 2**31 - 1
# Beyond this a page's offset would leave the database's integer range for any page size.
PAGE_NUMBER_MAX = 2**31 // 1000


class RecordIdConverter(IntegerConverter):
    """A positive integer no larger than any record's id can be."""

    def __init__(self, url_map: Map) -> None:
        super().__init__(url_map, min=1, max=RECORD_ID_MAX)


def init_record_ids(app: Flask) -> None:
    """Offer ``<id:name>`` to every blueprint; it must come before they are registered."""
    app.url_map.converters["id"] = RecordIdConverter


def requested_page(args: Mapping[str, str], name: str = "page") -> int:
    """The page number ``args`` asks for, 1 when absent or unreadable, 404 when out of range."""
    try:
        page = int(args.get(name, "1"))
    except ValueError:
        return 1
    if page > PAGE_NUMBER_MAX:
        abort(404)
    return max(page, 1)
