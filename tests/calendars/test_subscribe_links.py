"""Links into calendar applications: webcal, Google and Outlook, and the pages that show them."""

from __future__ import annotations

import html
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from iscg_module.calendars.subscribe_links import (
    google_event_url,
    google_subscribe_url,
    meeting_calendar_links,
    outlook_event_url,
    outlook_subscribe_url,
    webcal_url,
)
from iscg_module.testing.factories import make_meeting, make_tentative_window
from tests.calendars.helpers import SUMMER, event_for, fetch, page_url

FEED_URL = "http://iscg.test/calendar.ics"
WEBCAL = "webcal://iscg.test/calendar.ics"
HREF = re.compile(r'href="([^"]+)"')
DOWNLOAD = re.compile(r'<a href="([^"]+)" download>')


def query_of(url: str) -> dict[str, str]:
    """The decoded query of ``url``; each parameter must appear once."""
    parsed = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in parsed.values()), parsed
    return {name: values[0] for name, values in parsed.items()}


def base_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def hrefs(page: str) -> list[str]:
    return [html.unescape(href) for href in HREF.findall(page)]


def download_links(page: str) -> list[str]:
    return [html.unescape(href) for href in DOWNLOAD.findall(page)]


def only_href(page: str, prefix: str) -> str:
    matches = [href for href in hrefs(page) if href.startswith(prefix)]
    assert len(matches) == 1, f"{len(matches)} links starting {prefix}"
    return matches[0]


@pytest.mark.parametrize(
    ("feed_url", "expected"),
    [
        ("http://iscg.test/calendar.ics", "webcal://iscg.test/calendar.ics"),
        ("https://iscg.example.org/calendar.ics", "webcal://iscg.example.org/calendar.ics"),
        (
            "https://iscg.example.org:8443/feeds/personal.ics?token=a%2Fb#x",
            "webcal://iscg.example.org:8443/feeds/personal.ics?token=a%2Fb#x",
        ),
    ],
)
def test_webcal_url_swaps_only_the_scheme(feed_url, expected):
    assert webcal_url(feed_url) == expected


def test_google_subscription_carries_the_webcal_address_encoded():
    url = google_subscribe_url("https://iscg.example.org/calendar.ics?token=a&b")
    assert base_of(url) == "https://calendar.google.com/calendar/render"
    assert "cid=webcal%3A%2F%2Fiscg.example.org%2Fcalendar.ics%3Ftoken%3Da%26b" in url
    assert query_of(url) == {"cid": "webcal://iscg.example.org/calendar.ics?token=a&b"}


def test_outlook_subscription_carries_the_address_and_name_encoded():
    url = outlook_subscribe_url("https://iscg.example.org/calendar.ics", "ISCG & friends")
    assert base_of(url) == "https://outlook.office.com/calendar/0/addfromweb"
    assert query_of(url) == {
        "url": "https://iscg.example.org/calendar.ics",
        "name": "ISCG & friends",
    }


def test_google_event_link_gives_utc_times_title_page_and_zone(app):
    meeting = make_meeting(title="Budget & plans", schedule=SUMMER)
    url = google_event_url(meeting, page_url(meeting))
    assert base_of(url) == "https://calendar.google.com/calendar/render"
    assert query_of(url) == {
        "action": "TEMPLATE",
        "text": "Budget & plans",
        "dates": "20210901T120000Z/20210901T140000Z",
        "details": page_url(meeting),
        "ctz": "Europe/Zurich",
    }


def test_google_event_link_for_a_window_gives_all_day_dates_ending_the_day_after(app):
    meeting = make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    url = google_event_url(meeting, page_url(meeting))
    assert query_of(url)["dates"] == "20220124/20220205"


def test_outlook_event_link_gives_utc_times_title_and_page(app):
    meeting = make_meeting(title="Budget & plans", schedule=SUMMER)
    url = outlook_event_url(meeting, page_url(meeting))
    assert base_of(url) == "https://outlook.office.com/calendar/0/deeplink/compose"
    assert query_of(url) == {
        "subject": "Budget & plans",
        "startdt": "2021-09-01T12:00:00+00:00",
        "enddt": "2021-09-01T14:00:00+00:00",
        "allday": "false",
        "body": page_url(meeting),
        "path": "/calendar/action/compose",
        "rru": "addevent",
    }


def test_outlook_event_link_for_a_window_is_all_day(app):
    meeting = make_tentative_window(date(2022, 1, 24), date(2022, 2, 4))
    query = query_of(outlook_event_url(meeting, page_url(meeting)))
    assert query["startdt"] == "2022-01-24"
    assert query["enddt"] == "2022-02-05"
    assert query["allday"] == "true"


def test_meeting_links_point_at_the_meeting_and_the_public_feed(app):
    meeting = make_meeting(title="Coordination", schedule=SUMMER)
    links = meeting_calendar_links(meeting)
    assert links["webcal"] == WEBCAL
    assert query_of(links["google"])["details"] == page_url(meeting)
    assert query_of(links["outlook"])["body"] == page_url(meeting)


def test_calendar_page_offers_webcal_google_outlook_and_download(client):
    page = fetch(client, "/calendar").get_data(as_text=True)
    assert WEBCAL in hrefs(page)
    assert query_of(only_href(page, "https://calendar.google.com/"))["cid"] == WEBCAL
    outlook = query_of(only_href(page, "https://outlook.office.com/"))
    assert outlook == {"url": FEED_URL, "name": "ISCG meetings"}
    assert download_links(page) == ["/calendar.ics"]
    assert f'value="{FEED_URL}"' in page


def test_meeting_page_offers_download_google_outlook_and_webcal(client):
    meeting = make_meeting(title="Budget & plans", schedule=SUMMER)
    page = fetch(client, f"/meetings/{meeting.id}").get_data(as_text=True)
    google = query_of(only_href(page, "https://calendar.google.com/"))
    assert google["text"] == "Budget & plans"
    assert google["dates"] == "20210901T120000Z/20210901T140000Z"
    outlook = query_of(only_href(page, "https://outlook.office.com/"))
    assert outlook["subject"] == "Budget & plans"
    assert outlook["startdt"] == "2021-09-01T12:00:00+00:00"
    assert WEBCAL in hrefs(page)
    assert download_links(page) == [f"/meetings/{meeting.id}.ics"]


def test_meeting_pages_download_link_serves_that_meeting(client):
    meeting = make_meeting(schedule=SUMMER)
    make_meeting(title="Someone else's meeting")
    page = fetch(client, f"/meetings/{meeting.id}").get_data(as_text=True)
    [download] = download_links(page)
    calendar = Calendar.from_ical(fetch(client, download).data)
    assert len(calendar.walk("VEVENT")) == 1
    assert str(event_for(calendar, meeting)["URL"]) == page_url(meeting)


def test_calendar_pages_download_link_serves_the_public_feed(client):
    meeting = make_meeting()
    page = fetch(client, "/calendar").get_data(as_text=True)
    [download] = download_links(page)
    assert event_for(Calendar.from_ical(fetch(client, download).data), meeting)
