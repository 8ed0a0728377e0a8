"""A cancelled meeting says so (not "agenda not published yet"), offers no calendar
entry, stays in calendar feeds as cancelled, and its breadcrumb names its committee."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from meetings.models import Meeting
from tests.meetings.factories import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def cancelled(meetings_index):
    board = CommitteeFactory(name="Board", slug="board")
    return MeetingFactory(
        committee=board,
        start=timezone.now() + datetime.timedelta(days=10),
        status=Meeting.Status.CANCELLED,
    )


def page_text(client, meeting, index):
    html = client.get(meeting.get_url(index.url)).content.decode()
    return html, " ".join(strip_tags(html).split())


def test_a_cancelled_meeting_says_it_was_cancelled(client, cancelled, meetings_index):
    html, text = page_text(client, cancelled, meetings_index)

    assert "This meeting was cancelled." in text
    assert "has not been published yet" not in text
    assert "Add to calendar" not in text


def test_a_cancelled_meeting_stays_in_the_calendar_feed_as_cancelled(
    client, cancelled, meetings_index
):
    feed = client.get(f"{meetings_index.url}calendar.ics").content.decode()

    assert "SUMMARY:Board meeting" in feed
    assert "STATUS:CANCELLED" in feed


def test_a_meetings_breadcrumb_includes_its_committee(
    client, cancelled, meetings_index
):
    html, _ = page_text(client, cancelled, meetings_index)
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]

    assert '/meetings/board/">Board</a>' in crumbs
    assert 'aria-current="page">' in crumbs
