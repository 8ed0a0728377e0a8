"""The home page shows what is current: the next public Board meeting, the latest
public papers and a headline funding figure with its source, which editors may choose
or override. Nothing that is not public ever shows there."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding.models import Figure
from meetings.models import Committee, Meeting, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def now_section(client):
    page = text(client.get("/"))
    return page.split("What is happening now", 1)[1].split("Explore", 1)[0]


def board():
    return Committee.objects.order_by("sort_order", "name").first()


def test_the_next_board_meeting_the_latest_papers_and_a_figure_show(
    client, seeded_site
):
    expected = (
        Meeting.objects.public()
        .upcoming()
        .filter(committee=board())
        .exclude(status=Meeting.Status.CANCELLED)
        .first()
    )
    section = now_section(client)

    assert f"Next Board meeting {expected.display_title}" in section
    papers = section.split("Latest papers", 1)[1].split("Funding secured", 1)[0]
    newest = (
        MeetingDocument.objects.public().exclude(kind="minutes").newest_public_first()
    )
    assert newest[0].title in papers
    assert papers.count(" · ") == 5
    headline = (
        Figure.objects.public().filter(is_headline=True, section="funding").first()
    )
    assert (
        headline.label in section and "Source:" in section.split("Funding secured")[1]
    )


def test_a_draft_meeting_or_paper_never_shows(client, seeded_site):
    soon = timezone.now() + datetime.timedelta(hours=1)
    draft = MeetingFactory(
        committee=board(),
        title="Draft Board meeting",
        start=soon,
        live=False,
        status=Meeting.Status.SCHEDULED,
    )
    public = MeetingFactory(committee=board(), title="Public Board meeting", start=soon)
    MeetingDocumentFactory(
        meeting=public,
        title="Unpublished paper",
        publication=MeetingDocument.Publication.UNPUBLISHED,
    )
    MeetingDocumentFactory(meeting=draft, title="Paper of a draft meeting")
    MeetingDocumentFactory(
        meeting=public,
        title="Confidential paper",
        agenda_item=AgendaItemFactory(meeting=public, confidential=True),
    )
    MeetingDocumentFactory(
        meeting=public,
        title="Paper scheduled for tomorrow",
        publication=MeetingDocument.Publication.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    MeetingDocumentFactory(meeting=public, title="Newly published paper")

    section = now_section(client)

    assert "Public Board meeting" in section
    assert "Newly published paper" in section
    for hidden in (
        "Draft Board meeting",
        "Unpublished paper",
        "Paper of a draft meeting",
        "Confidential paper",
        "Paper scheduled for tomorrow",
    ):
        assert hidden not in section


def test_editors_choose_the_figure_or_override_it(client, seeded_site):
    home = seeded_site
    chosen = (
        Figure.objects.public().filter(is_headline=False, amount__isnull=False).first()
    )
    home.headline_figure = chosen
    home.save_revision().publish()
    assert chosen.label in now_section(client)

    chosen.live = False
    chosen.save()
    headline = (
        Figure.objects.public().filter(is_headline=True, section="funding").first()
    )
    assert headline.label in now_section(client)

    home.headline_text = "Example: £1 secured"
    home.headline_source = "Example source"
    home.headline_source_url = "https://example.org/source"
    home.save_revision().publish()
    section = now_section(client)
    assert "Example: £1 secured Source: Example source" in section
    assert headline.label not in section


def test_headline_text_without_a_source_is_refused(seeded_site):
    seeded_site.headline_text = "£1bn"
    with pytest.raises(ValidationError) as error:
        seeded_site.full_clean()
    assert "Say where the headline text comes from." in str(error.value)


def test_the_home_page_query_count_stays_flat_as_meetings_and_papers_grow(
    client, seeded_site
):
    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    before = count()
    later = timezone.now() + datetime.timedelta(days=3)
    for n in range(10):
        meeting = MeetingFactory(
            committee=board(), start=later + datetime.timedelta(days=n)
        )
        MeetingDocumentFactory.create_batch(3, meeting=meeting)
    assert count() == before
