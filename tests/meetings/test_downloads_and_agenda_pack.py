import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from meetings.models import MeetingDocument
from meetings.uploads import CONTENT_TYPES
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    pdf_bytes,
)
from tests.meetings.upload_samples import docx


def edit_form(**kwargs):
    """The form board secretaries edit a document with in the admin."""
    return MeetingDocument.snippet_viewset.get_form_class()(**kwargs)


@pytest.fixture
def meeting(meetings_index):
    return MeetingFactory(committee=CommitteeFactory(slug="board"))


def body(response):
    return b"".join(response.streaming_content)


def test_a_pdf_is_served_inline_with_safe_headers(client, meeting):
    document = MeetingDocumentFactory(meeting=meeting, file_name="skills-paper.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="skills-paper.pdf"'
    assert body(response).startswith(b"%PDF-")


def test_an_office_file_is_served_as_an_attachment(client, meeting):
    MeetingDocumentFactory(
        meeting=meeting,
        file_name="budget.docx",
        content_type=CONTENT_TYPES["docx"],
        body=docx(),
    )
    document = MeetingDocument.objects.get()
    response = client.get(document.url)
    assert response["Content-Disposition"] == 'attachment; filename="budget.docx"'
    assert "wordprocessingml" in response["Content-Type"]


def test_replacing_a_file_keeps_its_url_and_the_old_file(client, meeting, admin_user):
    document = MeetingDocumentFactory(meeting=meeting, title="Budget")
    url, old_hash = document.url, document.sha256
    form = edit_form(
        data={
            "meeting": meeting.pk,
            "kind": "paper",
            "title": "Budget",
            "publication": "published",
        },
        files={"file": SimpleUploadedFile("budget-v2.pdf", pdf_bytes("Version two"))},
        instance=document,
        for_user=admin_user,
    )
    assert form.is_valid(), form.errors
    form.save()
    document.refresh_from_db()

    assert document.url == url
    assert (
        "Version two"
        in PdfReader(io.BytesIO(body(client.get(url)))).pages[0].extract_text()
    )
    version = document.versions.get()
    assert version.sha256 == old_hash
    assert version.file.open("rb").read().startswith(b"%PDF-")
    assert document.file_name == "budget-v2.pdf"


def test_a_replacement_that_is_not_what_it_claims_is_refused(meeting, admin_user):
    document = MeetingDocumentFactory(meeting=meeting)
    form = edit_form(
        data={
            "meeting": meeting.pk,
            "kind": "paper",
            "title": "X",
            "publication": "published",
        },
        files={"file": SimpleUploadedFile("x.pdf", b"<html>no</html>")},
        instance=document,
        for_user=admin_user,
    )
    assert not form.is_valid()
    assert "web page or script" in str(form.errors["file"])
    assert not document.versions.exists()


def test_agenda_pack_joins_agenda_and_public_papers_in_agenda_order(client, meeting):
    first = AgendaItemFactory(meeting=meeting, number="1", sort_order=0)
    second = AgendaItemFactory(meeting=meeting, number="2", sort_order=1)
    MeetingDocumentFactory(meeting=meeting, agenda_item=second, title="Second paper")
    MeetingDocumentFactory(meeting=meeting, agenda_item=first, title="First paper")
    MeetingDocumentFactory(meeting=meeting, kind="agenda", title="Agenda")
    MeetingDocumentFactory(
        meeting=meeting, agenda_item=first, title="Hidden", publication="unpublished"
    )
    url = f"/meetings/board/{meeting.pk}/agenda-pack.pdf"

    reader = PdfReader(io.BytesIO(body(client.get(url))))

    assert [item.title for item in reader.outline] == [
        "Agenda and contents",
        "Agenda",
        "Item 1: First paper",
        "Item 2: Second paper",
    ]
    assert len(reader.pages) == 4
    assert "Agenda" in client.get(meeting.url).content.decode()
    assert reader.metadata.title == f"Agenda pack: {meeting.display_title}"


def test_agenda_pack_is_rebuilt_when_a_public_paper_changes(client, meeting):
    MeetingDocumentFactory(meeting=meeting, kind="agenda", title="Agenda")
    late = MeetingDocumentFactory(
        meeting=meeting, title="Late paper", publication="unpublished"
    )
    url = f"/meetings/board/{meeting.pk}/agenda-pack.pdf"
    assert len(PdfReader(io.BytesIO(body(client.get(url)))).pages) == 2

    late.publication = "published"
    late.save()

    assert len(PdfReader(io.BytesIO(body(client.get(url)))).pages) == 3


def test_no_agenda_pack_without_agenda_items_or_public_papers(client, meeting):
    assert (
        client.get(f"/meetings/board/{meeting.pk}/agenda-pack.pdf").status_code == 404
    )


def pack_pages(client, meeting):
    url = f"/meetings/board/{meeting.pk}/agenda-pack.pdf"
    reader = PdfReader(io.BytesIO(body(client.get(url))))
    return reader, [page.extract_text() for page in reader.pages]


@pytest.fixture
def board_meeting(meeting):
    AgendaItemFactory(meeting=meeting, number="1", title="Welcome", presenter="Chair")
    land = AgendaItemFactory(
        meeting=meeting,
        number="2",
        title="Land deal",
        confidential=True,
        confidential_reason="Commercially sensitive",
    )
    budget = AgendaItemFactory(meeting=meeting, number="3", title="Budget 2027")
    MeetingDocumentFactory(meeting=meeting, agenda_item=land, title="Land valuation")
    MeetingDocumentFactory(meeting=meeting, agenda_item=budget, title="Budget report")
    return meeting


def test_the_pack_opens_with_an_agenda_page_made_from_the_items(client, board_meeting):
    reader, pages = pack_pages(client, board_meeting)

    agenda = pages[0]
    assert "1. Welcome" in agenda
    assert "Presented by Chair" in agenda
    assert "2. Land deal" in agenda
    assert "Confidential: Commercially sensitive" in agenda
    assert "3. Budget 2027" in agenda
    assert "In this pack: Item 3: Budget report" in agenda
    assert [item.title for item in reader.outline] == [
        "Agenda and contents",
        "Item 3: Budget report",
    ]
    assert not any("Land valuation" in page for page in pages)


def test_a_paper_that_is_not_a_pdf_is_listed_with_its_address(client, board_meeting):
    budget = board_meeting.agenda_items.get(number="3")
    MeetingDocumentFactory(
        meeting=board_meeting,
        agenda_item=budget,
        title="Budget workings",
        file_name="workings.docx",
        content_type=CONTENT_TYPES["docx"],
        body=docx(),
    )
    workings = MeetingDocument.objects.get(title="Budget workings")

    _reader, pages = pack_pages(client, board_meeting)

    agenda = " ".join(pages[0].split())
    assert "Not in this pack: Item 3: Budget workings" in agenda
    assert "Papers not included in this pack" in agenda
    assert f"http://testserver{workings.url}" in agenda.replace(" ", "")


def test_a_damaged_pdf_is_listed_not_silently_dropped(client, board_meeting):
    MeetingDocumentFactory(
        meeting=board_meeting, title="Broken scan", body=b"%PDF-1.4 not really"
    )
    reader, pages = pack_pages(client, board_meeting)
    assert "Broken scan (the file could not be read)" in pages[0]
    assert "Broken scan" not in [item.title for item in reader.outline]


def test_a_meeting_with_only_an_agenda_has_a_pack(client, meeting):
    AgendaItemFactory(meeting=meeting, number="1", title="Welcome")
    _reader, pages = pack_pages(client, meeting)
    assert "1. Welcome" in pages[0]
    assert "agenda-pack.pdf" in client.get(meeting.url).content.decode()
