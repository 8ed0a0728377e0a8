"""The meeting page with web minutes, the minutes PDF and the form to ask for a paper
in another format run the same SQL however many items, papers and requests there are."""

import pytest

from meetings.models import FormatRequest, MeetingMinutes, MinutesItem
from tests.meetings.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommitteeFactory,
    DeclarationFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.meetings.test_query_counts_stay_flat import count_queries

pytestmark = pytest.mark.usefixtures("clock")


def add_items(meeting, minutes, count):
    for _ in range(count):
        item = AgendaItemFactory(meeting=meeting)
        paper = MeetingDocumentFactory(meeting=meeting, agenda_item=item)
        MinutesItem.objects.create(
            minutes=minutes, agenda_item=item, decision="<p>Agreed.</p>"
        )
        DeclarationFactory(agenda_item=item)
        AttendanceFactory(meeting=meeting)
        FormatRequest.objects.create(
            document=paper,
            paper_title=paper.title,
            format="plain-text",
            name="Example requester",
            email="requester@example.net",
            due_on=meeting.start.date(),
        )
    return paper


def test_minutes_pages_run_the_same_queries_at_2_and_40_items(
    client, meetings_index, board_index
):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    minutes = MeetingMinutes.objects.create(meeting=meeting, live=True)
    paper = add_items(meeting, minutes, 2)
    urls = [
        meeting.url,
        f"/meetings/board/{meeting.pk}/minutes.pdf",
        f"/meetings/documents/{paper.pk}/other-format/",
    ]
    small = {url: count_queries(client, url) for url in urls}

    add_items(meeting, minutes, 38)
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    print("Queries per page:", small)
    assert max(small.values()) <= 12, small
