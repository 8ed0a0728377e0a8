"""The accessibility statement says which public papers fail the checks and why,
from the stored checks, kept until public content changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from meetings import accessibility
from meetings.models import MeetingDocument, PaperCheck
from tests.factories import StandardPageFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(meetings_index):
    return StandardPageFactory(
        parent=meetings_index.get_parent(),
        slug="accessibility",
        title="Accessibility statement",
    )


@pytest.fixture
def meeting():
    return MeetingFactory(committee=CommitteeFactory(slug="board"), title="Board May")


def paper(meeting, title, *findings, **fields):
    document = MeetingDocumentFactory(meeting=meeting, title=title, **fields)
    PaperCheck.objects.create(
        document=document,
        sha256=document.sha256,
        passed=not findings,
        findings=[vars(finding) for finding in findings],
    )
    return document


def test_the_statement_names_each_failing_public_paper_and_why(
    client, statement, meeting
):
    scan = paper(meeting, "Scanned minutes", accessibility.SCANNED)
    paper(
        meeting,
        "Budget report",
        accessibility.NOT_TAGGED,
        accessibility.NO_LANGUAGE,
    )
    paper(meeting, "Skills paper")

    html = client.get(statement.url).content.decode()

    assert "Meeting papers that fail our accessibility checks" in html
    assert "2 published papers fail one or more checks" in html
    assert f'<a href="{scan.url}">Scanned minutes</a> (Board May)' in html
    assert escape(accessibility.SCANNED.problem) in html
    assert escape(accessibility.NOT_TAGGED.problem) in html
    assert "Budget report" in html
    assert "Skills paper" not in html


def test_papers_the_public_cannot_see_are_never_named(client, statement, meeting):
    secret_item = AgendaItemFactory(meeting=meeting, confidential=True)
    paper(
        meeting,
        "Unpublished scan",
        accessibility.SCANNED,
        publication=MeetingDocument.Publication.UNPUBLISHED,
    )
    paper(meeting, "Land deal scan", accessibility.SCANNED, agenda_item=secret_item)
    paper(
        MeetingFactory(committee=meeting.committee, live=False),
        "Draft meeting scan",
        accessibility.SCANNED,
    )

    html = client.get(statement.url).content.decode()

    assert "No published meeting paper fails the checks." in html
    for title in ["Unpublished scan", "Land deal scan", "Draft meeting scan"]:
        assert title not in html


def test_another_standard_page_does_not_list_papers(client, statement, meeting):
    about = StandardPageFactory(parent=statement.get_parent(), slug="about")
    paper(meeting, "Scanned minutes", accessibility.SCANNED)

    assert "Scanned minutes" not in client.get(about.url).content.decode()


def test_a_newly_published_failing_paper_shows_on_the_next_view(
    client, statement, meeting, page_cache
):
    assert "No published meeting paper" in client.get(statement.url).content.decode()

    document = paper(
        meeting,
        "Late scan",
        accessibility.SCANNED,
        publication=MeetingDocument.Publication.UNPUBLISHED,
    )
    assert "Late scan" not in client.get(statement.url).content.decode()
    document.publication = MeetingDocument.Publication.PUBLISHED
    document.save()
    assert "Late scan" in client.get(statement.url).content.decode()

    PaperCheck.objects.filter(document=document).get().delete()
    assert "Late scan" not in client.get(statement.url).content.decode()


def count_queries(client, url):
    """Queries of a view with every cache empty, then of a view once they are full."""
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    return len(cold), len(warm)


def test_the_statement_runs_the_same_queries_at_3_and_300_failing_papers(
    client, statement, meeting
):
    for n in range(3):
        paper(meeting, f"Scan {n}", accessibility.SCANNED)
    small = count_queries(client, statement.url)

    for n in range(297):
        paper(meeting, f"Scan more {n}", accessibility.SCANNED)
    large = count_queries(client, statement.url)

    assert small == large
    assert large[1] <= 12
    assert "300 published papers fail" in client.get(statement.url).content.decode()


def test_papers_stored_before_the_checks_are_counted_as_not_checked(
    client, statement, meeting
):
    MeetingDocumentFactory(meeting=meeting, title="Old paper")

    html = client.get(statement.url).content.decode()

    assert "1 published paper was stored before these checks began" in html
    assert "Old paper" not in html
