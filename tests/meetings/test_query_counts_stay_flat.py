"""Public meeting pages run the same SQL however many meetings and papers there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings import bulk
from meetings.models import Meeting, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)


def count_queries(client, url):
    client.get(url)  # the first requests fill the site's caches (menus, settings)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.slow
@pytest.mark.django_db
def test_pages_run_the_same_queries_at_10_and_10000_meetings(client, meetings_index):
    board = CommitteeFactory(slug="board")
    meeting = MeetingFactory(committee=board)
    items = [AgendaItemFactory(meeting=meeting) for _ in range(3)]
    for item in items:
        MeetingDocumentFactory(meeting=meeting, agenda_item=item)
    MeetingDocumentFactory(
        meeting=meeting,
        kind=MeetingDocument.Kind.MINUTES,
        minutes_status=MeetingDocument.MinutesStatus.APPROVED,
        approved_at=MeetingFactory(committee=board),
    )
    bulk.generate(
        meetings=8, documents=40, log=lambda message: None, show_progress=False
    )
    urls = [
        "/meetings/",
        f"/meetings/?year={meeting.start.year}",
        "/meetings/?page=2",
        "/meetings/board/",
        "/meetings/board/calendar.ics",
        f"/meetings/board/{meeting.pk}/calendar.ics",
        meeting.url,
        "/meetings/feed/",
        "/meetings/board/feed/",
        "/meetings/calendar.ics",
        "/sitemap.xml",
        "/search/?q=example",
    ]
    small = {url: count_queries(client, url) for url in urls}
    assert Meeting.objects.count() == 10

    bulk.generate(
        meetings=10_000, documents=50_000, log=lambda message: None, show_progress=False
    )
    assert Meeting.objects.count() == 10_010
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    print("Queries per page:", small)
    assert max(small.values()) <= 12, small
