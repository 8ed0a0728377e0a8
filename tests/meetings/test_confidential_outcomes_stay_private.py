"""A confidential agenda item's outcome is never shown or found by the public."""

import pytest

from meetings.models import AgendaItem
from meetings.withdrawal import withhold_item
from tests.meetings.factories import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.django_db

SECRET_OUTCOME = "Agreed to buy the Quayside plot for four million pounds"


@pytest.fixture
def meeting(meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"), live=False)
    meeting.agenda_items.add(
        AgendaItem(number="1", title="Skills plan", outcome="Skills plan approved.")
    )
    meeting.agenda_items.add(
        AgendaItem(
            number="2",
            title="Site purchase",
            confidential=True,
            confidential_reason="Commercially sensitive information",
            outcome=SECRET_OUTCOME,
        )
    )
    meeting.save_revision().publish()
    return meeting


def test_the_public_meeting_page_shows_open_outcomes_only(client, meeting):
    html = client.get(meeting.url).content.decode()
    assert "Skills plan approved." in html
    assert "Site purchase" in html and "Commercially sensitive information" in html
    assert "Quayside" not in html


def test_search_does_not_find_a_meeting_by_a_confidential_outcome(client, meeting):
    assert (
        meeting.display_title
        in client.get("/search/", {"q": "approved"}).content.decode()
    )
    html = client.get("/search/", {"q": "Quayside"}).content.decode()
    assert meeting.display_title not in html and "Quayside plot" not in html


def test_no_public_feed_or_calendar_carries_a_confidential_outcome(client, meeting):
    for url in (
        meeting.url + "calendar.ics",
        "/meetings/feed/",
        "/meetings/calendar.ics",
        "/sitemap.xml",
    ):
        response = client.get(url)
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
        assert response.status_code == 200, url
        assert b"Quayside" not in body, url


def test_an_item_withheld_at_once_drops_its_outcome_from_search(client, meeting):
    item = AgendaItem.objects.get(meeting_id=meeting.pk, number="1")
    assert meeting.display_title in search(client, "approved")
    item.confidential_reason = "Legal advice"
    assert withhold_item(item, user=None)
    assert meeting.display_title not in search(client, "approved")
    assert "Skills plan approved." not in client.get(meeting.url).content.decode()


def search(client, words):
    return client.get("/search/", {"q": words}).content.decode()
