import datetime

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from meetings import feeds
from meetings.models import Meeting
from tests.meetings.factories import (
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)


@pytest.fixture
def board(meetings_index):
    return CommitteeFactory(name="Board", slug="board")


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}, calendar


def test_calendar_parses_with_stable_uids_in_uk_time(client, board):
    summer = datetime.datetime(2026, 7, 1, 9, tzinfo=datetime.UTC)
    meeting = MeetingFactory(committee=board, title="Summer Board", start=summer)
    MeetingFactory(committee=board, title="Hidden", live=False)

    found, calendar = events(client, "/meetings/calendar.ics")

    assert list(found) == ["Summer Board"]
    event = found["Summer Board"]
    assert str(event["uid"]) == f"meeting-{meeting.uid}@localhost"
    assert event.decoded("dtstart").tzinfo.key == "Europe/London"
    assert event.decoded("dtstart").hour == 10
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/London"
    assert str(event["url"]).endswith(meeting.url)
    again, _ = events(client, "/meetings/calendar.ics")
    assert again["Summer Board"]["uid"] == event["uid"]


def test_calendar_uids_use_the_sites_host_whatever_name_the_site_is_reached_by(
    client, board, settings
):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "portal.example.org"]
    site = Site.objects.get(is_default_site=True)
    site.hostname = "portal.example.org"
    site.save()
    meeting = MeetingFactory(committee=board, title="Spring Board")
    uids = set()
    for host in ["127.0.0.1", "localhost"]:
        response = client.get("/meetings/calendar.ics", HTTP_HOST=host)
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        uids.add(str(event["uid"]))
    assert uids == {f"meeting-{meeting.uid}@portal.example.org"}


def test_a_change_raises_the_sequence_and_cancelling_shows_as_cancelled(client, board):
    meeting = MeetingFactory(committee=board, title="Autumn Board")
    found, _ = events(client, "/meetings/calendar.ics")
    assert found["Autumn Board"]["sequence"] == 0
    assert found["Autumn Board"]["status"] == "CONFIRMED"

    meeting.status = Meeting.Status.CANCELLED
    meeting.save()

    found, _ = events(client, "/meetings/calendar.ics")
    assert found["Autumn Board"]["sequence"] == 1
    assert found["Autumn Board"]["status"] == "CANCELLED"


def test_committee_and_meeting_calendars_hold_only_their_meetings(client, board):
    meeting = MeetingFactory(committee=board, title="Board meeting")
    MeetingFactory(committee=CommitteeFactory(slug="other"), title="Other meeting")
    assert list(events(client, "/meetings/board/calendar.ics")[0]) == ["Board meeting"]
    single = f"/meetings/board/{meeting.pk}/calendar.ics"
    assert list(events(client, single)[0]) == ["Board meeting"]
    assert client.get("/meetings/nope/calendar.ics").status_code == 404


def test_rss_feed_lists_newly_public_documents_and_parses(client, board):
    meeting = MeetingFactory(committee=board, title="Board meeting")
    MeetingDocumentFactory(meeting=meeting, title="Skills paper")
    MeetingDocumentFactory(meeting=meeting, title="Not yet", publication="unpublished")
    MeetingDocumentFactory(
        meeting=MeetingFactory(committee=CommitteeFactory(slug="other")),
        title="Other paper",
    )

    feed = feedparser.parse(client.get("/meetings/feed/").content)
    committee_feed = feedparser.parse(client.get("/meetings/board/feed/").content)

    assert not feed.bozo, feed.bozo_exception
    assert not committee_feed.bozo, committee_feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert sorted(titles) == ["Other paper (Paper)", "Skills paper (Paper)"]
    assert [entry.title for entry in committee_feed.entries] == ["Skills paper (Paper)"]
    entry = committee_feed.entries[0]
    assert entry.link.endswith(meeting.url)
    assert entry.enclosures[0]["type"] == "application/pdf"
    assert entry.enclosures[0]["href"].startswith("http://testserver/meetings/")


def test_the_calendar_holds_the_last_year_and_everything_upcoming(client, board):
    now = timezone.now()
    for title, days_ago in [("Old", 400), ("Recent", 300), ("Upcoming", -900)]:
        MeetingFactory(
            committee=board, title=title, start=now - datetime.timedelta(days=days_ago)
        )

    found, calendar = events(client, "/meetings/calendar.ics")
    assert sorted(found) == ["Recent", "Upcoming"]
    assert "from the last 12 months" in str(calendar["x-wr-caldesc"])
    assert sorted(events(client, "/meetings/board/calendar.ics")[0]) == [
        "Recent",
        "Upcoming",
    ]
    old = Meeting.objects.get(title="Old")
    assert list(events(client, f"/meetings/board/{old.pk}/calendar.ics")[0]) == ["Old"]


def test_a_busy_schedule_keeps_the_calendar_to_the_nearest_meetings(
    client, board, monkeypatch
):
    monkeypatch.setattr(feeds, "CALENDAR_PAST_MEETINGS", 2)
    monkeypatch.setattr(feeds, "CALENDAR_UPCOMING_MEETINGS", 3)
    now = timezone.now()
    for days in [-40, -30, -20, -10, 10, 20, 30, 40]:
        MeetingFactory(
            committee=board, title=f"Day {days}", start=now + datetime.timedelta(days)
        )

    found, _ = events(client, "/meetings/calendar.ics")

    assert list(found) == ["Day -20", "Day -10", "Day 10", "Day 20", "Day 30"]
