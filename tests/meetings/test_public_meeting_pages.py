import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings.models import Meeting, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

# Meetings are placed relative to now, so the clock stands still while a test runs.
pytestmark = pytest.mark.usefixtures("clock")


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def board(meetings_index):
    return CommitteeFactory(name="Board", slug="board", remit="Sets the strategy.")


def test_each_listed_meeting_shows_its_time_place_and_status_escaped(client, board):
    start = datetime.datetime(2025, 3, 6, 14, 30, tzinfo=datetime.UTC)
    meeting = MeetingFactory(
        committee=board,
        title="<script>alert(1)</script> & co",
        venue='Room "1" <east>',
        start=start,
        status=Meeting.Status.CANCELLED,
    )

    html = client.get("/meetings/").content.decode()

    item = re.search(r'<li class="meeting-item">.*?</li>', html, re.S).group(0)
    assert item == (
        '<li class="meeting-item"><h4 class="meeting-item__title">'
        f'<a href="/meetings/board/{meeting.pk}/">'
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a></h4>"
        '<p class="meeting-item__meta"><time datetime="2025-03-06T14:30:00+00:00">'
        "Thursday 6 March 2025, 2:30 p.m.</time> · Room &quot;1&quot; &lt;east&gt; · "
        '<span class="status-tag status-tag--cancelled">Cancelled</span></p></li>'
    )


def test_index_lists_upcoming_meetings_first_then_past_ones_by_year(client, board):
    MeetingFactory(committee=board, title="Next month", start=days(30))
    MeetingFactory(committee=board, title="Next week", start=days(7))
    MeetingFactory(committee=board, title="Last year", start=days(-400))
    MeetingFactory(committee=board, title="Last month", start=days(-30))
    MeetingFactory(committee=board, title="Never published", start=days(-5), live=False)

    html = client.get("/meetings/").content.decode()

    titles = re.findall(r'class="meeting-item__title"><a [^>]+>([^<]+)<', html)
    assert titles == ["Next week", "Next month", "Last month", "Last year"]
    assert "Editors' introduction" in html
    assert f"<h3>{days(-30).year}</h3>" in html
    assert "Never published" not in html


def test_index_filters_by_committee_and_year(client, board):
    other = CommitteeFactory(name="Sub-board", slug="sub-board")
    MeetingFactory(
        committee=board,
        title="Board 2024",
        start=datetime.datetime(2024, 3, 5, 10, tzinfo=datetime.UTC),
    )
    MeetingFactory(
        committee=board,
        title="Board 2025",
        start=datetime.datetime(2025, 3, 5, 10, tzinfo=datetime.UTC),
    )
    MeetingFactory(
        committee=other,
        title="Sub-board 2025",
        start=datetime.datetime(2025, 4, 5, 10, tzinfo=datetime.UTC),
    )

    html = client.get(
        "/meetings/", {"committee": "board", "year": "2025"}
    ).content.decode()

    assert "Board 2025" in html
    assert "Board 2024" not in html and "Sub-board 2025" not in html


@pytest.mark.parametrize(
    "query,message",
    [
        ({"year": "<script>alert(1)</script>"}, "The year must be four digits"),
        ({"year": "20255"}, "The year must be four digits"),
        ({"committee": "nope"}, "There is no committee with that name"),
        ({"when": "yesterday"}, "That is not a list of meetings"),
        ({"page": "abc"}, ""),
        ({"page": "99999"}, ""),
    ],
)
def test_bad_filters_give_a_page_and_a_clear_message(client, board, query, message):
    MeetingFactory(committee=board, title="A meeting")
    response = client.get("/meetings/", query)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "A meeting" in html
    assert "<script>alert(1)</script>" not in html


def test_index_is_paginated(client, board):
    for n in range(25):
        MeetingFactory(committee=board, title=f"Meeting {n:02}", start=days(-10 - n))
    first = client.get("/meetings/").content.decode()
    second = client.get("/meetings/", {"page": "2"}).content.decode()
    assert "Meeting 00" in first and "Meeting 24" not in first
    assert "Meeting 24" in second
    assert "Page 2 of 2" in second


def test_index_opens_with_the_next_meetings_and_pages_through_all_upcoming(
    client, board
):
    for n in range(27):
        MeetingFactory(committee=board, title=f"Upcoming {n:02}", start=days(1 + n))
    MeetingFactory(committee=board, title="Held", start=days(-3))

    first = client.get("/meetings/", {"committee": "board"}).content.decode()
    titles = re.findall(r'class="meeting-item__title"><a [^>]+>([^<]+)<', first)
    assert titles == [f"Upcoming {n:02}" for n in range(5)] + ["Held"]
    assert 'href="?committee=board&amp;when=upcoming">All upcoming meetings' in first

    upcoming = client.get("/meetings/", {"when": "upcoming"}).content.decode()
    titles = re.findall(r'class="meeting-item__title"><a [^>]+>([^<]+)<', upcoming)
    assert titles == [f"Upcoming {n:02}" for n in range(20)]
    assert "Page 1 of 2" in upcoming and "Held" not in upcoming
    assert '<input type="hidden" name="when" value="upcoming">' in upcoming
    rest = client.get("/meetings/", {"when": "upcoming", "page": "2"}).content
    assert "Upcoming 26" in rest.decode()


def test_committee_page_shows_its_remit_and_only_its_meetings(client, board):
    MeetingFactory(committee=board, title="Board meeting")
    MeetingFactory(committee=CommitteeFactory(), title="Other meeting")
    html = client.get("/meetings/board/").content.decode()
    assert "Sets the strategy." in html
    assert "Board meeting" in html and "Other meeting" not in html
    assert client.get("/meetings/no-such-board/").status_code == 404


def test_meeting_page_shows_status_agenda_documents_and_event_data(client, board):
    meeting = MeetingFactory(
        committee=board,
        title="Spring Board",
        venue="Civic Centre",
        status=Meeting.Status.CANCELLED,
    )
    item = AgendaItemFactory(
        meeting=meeting,
        number="3",
        title="Skills plan",
        presenter="Chair",
        outcome="Approved.",
        declarations="A member declared an interest.",
    )
    AgendaItemFactory(
        meeting=meeting,
        number="4",
        title="Site purchase",
        confidential=True,
        confidential_reason="Commercially sensitive information",
    )
    MeetingDocumentFactory(meeting=meeting, agenda_item=item, title="Skills paper")
    MeetingDocumentFactory(
        meeting=meeting,
        kind=MeetingDocument.Kind.MINUTES,
        minutes_status=MeetingDocument.MinutesStatus.APPROVED,
        approved_at=MeetingFactory(committee=board, start=days(-2)),
        title="Minutes",
    )

    html = client.get(meeting.url).content.decode()

    assert "Cancelled" in html and "Civic Centre" in html
    assert "Skills plan" in html and "Skills paper" in html
    assert "Approved." in html and "A member declared an interest." in html
    assert "Site purchase" in html and "Commercially sensitive information" in html
    assert "Minutes (Approved)" in html and "1 page" in html
    assert 'href="' + meeting.url + 'calendar.ics"' not in html, "it was cancelled"
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["name"] == "Civic Centre"
    assert data["startDate"].endswith(("+00:00", "+01:00"))


def test_meeting_times_are_shown_in_uk_time(client, board):
    summer = datetime.datetime(2025, 7, 1, 9, 0, tzinfo=datetime.UTC)
    meeting = MeetingFactory(committee=board, start=summer)
    html = client.get(meeting.url).content.decode()
    assert "10 a.m." in html or "10:00 a.m." in html


def test_an_unpublished_meeting_is_not_found(client, board):
    meeting = MeetingFactory(committee=board, live=False)
    assert client.get(f"/meetings/board/{meeting.pk}/").status_code == 404


def test_a_meeting_under_the_wrong_committee_redirects_to_its_address(client, board):
    meeting = MeetingFactory(committee=board)
    response = client.get(f"/meetings/other/{meeting.pk}/")
    assert response.status_code == 301
    assert response["Location"] == meeting.url


def test_derived_timing(board):
    assert MeetingFactory.build(start=days(2), end=days(2)).timing == "upcoming"
    assert MeetingFactory.build(start=days(-1), end=days(1)).timing == "in progress"
    assert MeetingFactory.build(start=days(-3), end=days(-3)).timing == "past"


def test_a_meeting_in_progress_is_upcoming_and_none_lasts_over_a_week(board):
    started = MeetingFactory(committee=board, start=days(-6), end=days(1))
    assert list(Meeting.objects.upcoming()) == [started]
    too_long = MeetingFactory.build(committee=board, start=days(1), end=days(9))
    with pytest.raises(ValidationError, match="a week at most"):
        too_long.clean()


def test_a_filter_that_was_not_understood_is_marked_and_names_its_message(
    client, board
):
    html = client.get("/meetings/", {"year": "1066", "committee": "nope"}).content
    html = html.decode()

    for field in ("year", "committee"):
        select = re.search(rf'<select name="{field}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in select
        described_by = re.search(r'aria-describedby="([^"]+)"', select).group(1)
        message = re.search(rf'id="{described_by}">([^<]+)<', html).group(1)
        assert "showing every" in message
