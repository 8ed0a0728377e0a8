"""Every uploaded paper is checked for accessibility; the secretary sees what to fix,
the dashboard sums it up, and a setting decides whether a failing paper may be
published."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from meetings import accessibility
from meetings.models import MeetingDocument, PaperCheck
from tests.meetings import paper_samples as samples
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

PDFS = [
    ("accessible.pdf", lambda: samples.paper_pdf(), []),
    (
        "plain-export.pdf",
        lambda: samples.text_pdf(),
        ["not-tagged", "no-title", "title-not-shown", "no-language"],
    ),
    (
        "untagged.pdf",
        lambda: samples.paper_pdf(samples.without("tags")),
        ["not-tagged"],
    ),
    (
        "untitled.pdf",
        lambda: samples.paper_pdf(samples.without("title", "shown")),
        ["no-title", "title-not-shown"],
    ),
    (
        "title-hidden.pdf",
        lambda: samples.paper_pdf(samples.without("shown")),
        ["title-not-shown"],
    ),
    (
        "no-language.pdf",
        lambda: samples.paper_pdf(samples.without("language")),
        ["no-language"],
    ),
    (
        "scan.pdf",
        lambda: samples.scanned_pdf(),
        ["not-tagged", "no-title", "title-not-shown", "no-language", "scanned"],
    ),
    (
        "tagged-scan.pdf",
        lambda: samples.paper_pdf(source=samples.scanned_pdf()),
        ["scanned"],
    ),
    (
        "partly-scanned.pdf",
        lambda: samples.partly_scanned_pdf(),
        ["not-tagged", "no-title", "title-not-shown", "no-language", "scanned-pages"],
    ),
    (
        "long-without-bookmarks.pdf",
        lambda: samples.paper_pdf(samples.without("bookmarks"), pages=12),
        ["no-bookmarks"],
    ),
    ("long-with-bookmarks.pdf", lambda: samples.paper_pdf(pages=12), []),
    ("encrypted.pdf", lambda: encrypted(), ["unreadable"]),
]
PACKAGES = [
    ("titled.docx", lambda: samples.docx("Skills paper", "en-GB"), []),
    ("styled.docx", lambda: samples.docx("Skills", styles_language="en-GB"), []),
    ("bare.docx", lambda: samples.docx(), ["no-title", "no-language"]),
    ("untitled.docx", lambda: samples.docx(language="en-GB"), ["no-title"]),
    ("titled.odt", lambda: samples.odt("Skills paper", "en-GB"), []),
    ("bare.odt", lambda: samples.odt(), ["no-title", "no-language"]),
]


def encrypted():
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(samples.paper_pdf())))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def codes(check):
    return [finding["code"] for finding in check.findings]


def upload(client, meeting, corpus):
    return client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]),
        {
            "upload": "1",
            "files": [SimpleUploadedFile(name, make()) for name, make, _ in corpus],
        },
        follow=True,
    )


def test_uploading_the_corpus_reports_each_papers_findings(client, secretary):
    meeting = MeetingFactory()
    corpus = PDFS + PACKAGES

    response = upload(client, meeting, corpus)

    assert response.status_code == 200
    html = response.content.decode()
    stored = {
        document.file_name: document
        for document in MeetingDocument.objects.select_related("accessibility")
    }
    assert len(stored) == len(corpus)
    for name, _, expected in corpus:
        check = stored[name].accessibility
        assert codes(check) == expected, name
        assert check.passed is not expected
        assert check.sha256 == stored[name].sha256
    # The upload result names the failing files and shows what to do under each.
    failing = [name for name, _, expected in corpus if expected]
    assert f"{len(failing)} of the files fail accessibility checks" in html
    assert "What to do:" in html
    assert escape(accessibility.NOT_TAGGED.action) in html
    assert "Accessibility: passes every check." in html
    assert stored["scan.pdf"].accessibility.scanned_pages == [1]
    assert stored["partly-scanned.pdf"].accessibility.scanned_pages == [3]


def test_a_csv_is_stored_as_not_checked(client, secretary):
    meeting = MeetingFactory()

    upload(client, meeting, [("figures.csv", lambda: b"year,amount\n2026,10\n", [])])

    check = MeetingDocument.objects.get().accessibility
    assert not check.checked and check.passed and check.findings == []


def test_the_papers_edit_page_shows_its_findings_and_a_replacement_is_checked_again(
    client, secretary
):
    meeting = MeetingFactory()
    upload(client, meeting, [("paper.pdf", samples.text_pdf, [])])
    document = MeetingDocument.objects.get()
    edit_url = reverse(
        "wagtailsnippets_meetings_meetingdocument:edit", args=[document.pk]
    )

    html = client.get(edit_url).content.decode()

    assert escape(accessibility.NO_LANGUAGE.problem) in html
    assert escape(accessibility.NO_LANGUAGE.action) in html

    client.post(
        edit_url,
        {
            "meeting": meeting.pk,
            "kind": document.kind,
            "title": document.title,
            "publication": document.publication,
            "file": SimpleUploadedFile("paper.pdf", samples.paper_pdf()),
        },
    )
    document.refresh_from_db()
    check = PaperCheck.objects.get(document=document)
    assert check.passed and check.findings == []
    assert check.sha256 == document.sha256
    assert "Accessibility: passes every check." in client.get(edit_url).content.decode()


def test_the_dashboard_sums_up_failing_papers(client, secretary):
    meeting = MeetingFactory()
    upload(
        client,
        meeting,
        [
            ("good.pdf", samples.paper_pdf, []),
            ("untagged.pdf", lambda: samples.paper_pdf(samples.without("tags")), []),
            ("scan.pdf", samples.scanned_pdf, []),
        ],
    )
    MeetingDocument.objects.filter(file_name="scan.pdf").update(
        publication=MeetingDocument.Publication.PUBLISHED
    )

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Papers failing accessibility checks" in html
    assert "2 papers fail the checks, 1 of them public" in html
    assert "Untagged" in html and "Scan" in html
    assert ">Good<" not in html


def publish_form(document):
    prefix = "documents-0"
    return {
        "save": "1",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "1",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        f"{prefix}-id": document.pk,
        f"{prefix}-title": document.title,
        f"{prefix}-kind": document.kind,
        f"{prefix}-agenda_item": "",
        f"{prefix}-publication": MeetingDocument.Publication.PUBLISHED,
        f"{prefix}-publish_at": "",
        f"{prefix}-minutes_status": "",
        f"{prefix}-approved_at": "",
    }


def test_a_failing_paper_is_published_by_default_with_the_warning_recorded(
    client, secretary
):
    meeting = MeetingFactory()
    upload(client, meeting, [("scan.pdf", samples.scanned_pdf, [])])
    document = MeetingDocument.objects.get()

    client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]), publish_form(document)
    )

    document.refresh_from_db()
    assert document.publication == MeetingDocument.Publication.PUBLISHED
    warning = ModelLogEntry.objects.get(
        object_id=str(document.pk), action="meetings.publish_failing_checks"
    )
    assert "scanned" in warning.data["codes"]
    assert warning.user == secretary


def test_with_the_setting_off_publishing_a_failing_paper_is_refused_with_the_reason(
    client, secretary, settings
):
    settings.MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS = False
    meeting = MeetingFactory()
    upload(
        client,
        meeting,
        [("untagged.pdf", lambda: samples.paper_pdf(samples.without("tags")), [])],
    )
    document = MeetingDocument.objects.get()

    response = client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]), publish_form(document)
    )

    html = response.content.decode()
    assert "cannot be published until it passes the accessibility checks" in html
    assert escape(accessibility.NOT_TAGGED.problem) in html
    document.refresh_from_db()
    assert document.publication == MeetingDocument.Publication.UNPUBLISHED


def test_with_the_setting_off_a_passing_paper_is_still_published(
    client, secretary, settings
):
    settings.MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS = False
    meeting = MeetingFactory()
    upload(client, meeting, [("good.pdf", samples.paper_pdf, [])])
    document = MeetingDocument.objects.get()

    client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]), publish_form(document)
    )

    document.refresh_from_db()
    assert document.publication == MeetingDocument.Publication.PUBLISHED
    assert not ModelLogEntry.objects.filter(
        action="meetings.publish_failing_checks"
    ).exists()


def test_papers_stored_before_the_checks_are_checked_by_the_command(settings):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    meeting = MeetingFactory()
    body = samples.text_pdf()
    document = MeetingDocument.objects.create(
        meeting=meeting,
        title="Old paper",
        file=ContentFile(body, name="old.pdf"),
        file_name="old.pdf",
        content_type="application/pdf",
        file_size=len(body),
        sha256="0" * 64,
    )
    assert not PaperCheck.objects.exists()

    call_command("check_papers", stdout=open("/dev/null", "w"))

    check = PaperCheck.objects.get(document=document)
    assert "not-tagged" in codes(check)
