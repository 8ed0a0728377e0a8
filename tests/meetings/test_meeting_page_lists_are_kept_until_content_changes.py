"""A meeting page reads its agenda, papers, decisions, minutes and attendance once,
keeps them until public content changes, and shows a newly published paper at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def test_the_lists_are_read_once_then_a_published_paper_shows_at_once(
    client, meetings_index, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    item = AgendaItemFactory(meeting=meeting, title="Skills plan")
    MeetingDocumentFactory(meeting=meeting, agenda_item=item, title="Skills paper")
    assert b"Skills paper" in client.get(meeting.url).content
    client.get(meeting.url)  # the first view creates the site's settings: a change

    with CaptureQueriesContext(connection) as kept:
        assert b"Skills paper" in client.get(meeting.url).content
    tables = " ".join(query["sql"] for query in kept.captured_queries)
    assert "meetings_meetingdocument" not in tables
    assert "meetings_agendaitem" not in tables

    MeetingDocumentFactory(meeting=meeting, agenda_item=item, title="Budget paper")
    assert b"Budget paper" in client.get(meeting.url).content

    paper = MeetingDocument.objects.get(title="Budget paper")
    paper.publication = MeetingDocument.Publication.UNPUBLISHED
    paper.save()
    assert b"Budget paper" not in client.get(meeting.url).content
