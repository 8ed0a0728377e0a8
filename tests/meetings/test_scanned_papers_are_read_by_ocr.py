"""A scanned paper's words are read by OCR in the background, so site search finds
them; without Tesseract the job says what to install."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings import ocr
from meetings.models import MeetingDocument, PaperCheck
from meetings.uploads import check_upload
from portal.ops.jobs import run_queued_jobs
from tests.meetings import paper_samples as samples
from tests.meetings.factories import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)

OCR_MISSING = (
    f"OCR programs not found ({', '.join(ocr.missing_programs())}): install them with "
    f"`{ocr.INSTALL}` to run this test (CI installs them in .ci/run)."
)


@pytest.fixture
def tesseract():
    """Without Tesseract this test skips locally, with how to install it; in CI
    (``CI`` set) it fails."""
    if ocr.missing_programs():
        if os.environ.get("CI"):
            pytest.fail(OCR_MISSING)
        pytest.skip(OCR_MISSING)


def store_paper(name, data, title="Offshore minutes"):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    file = SimpleUploadedFile(name, data)
    document = MeetingDocument(
        meeting=meeting,
        title=title,
        publication=MeetingDocument.Publication.PUBLISHED,
    )
    document.apply_upload(check_upload(file), file)
    document.save()
    return document


def search(client, words):
    return client.get("/search/", {"q": words}).content.decode()


@pytest.mark.slow
def test_a_scanned_papers_words_are_found_by_search_after_the_job_runs(
    client, meetings_index, tesseract
):
    document = store_paper(
        "scan.pdf", samples.scanned_pdf(("Minutes of the Board", "Offshore turbines"))
    )
    assert PaperCheck.objects.get(document=document).recognition == "queued"
    assert "Offshore minutes" not in search(client, "turbines")

    run_queued_jobs()

    check = PaperCheck.objects.get(document=document)
    assert check.recognition == PaperCheck.Recognition.DONE
    assert check.get_recognition_display() == "Text recognised automatically"
    assert "turbines" in check.recognised_text.lower()
    html = search(client, "turbines")
    assert "Offshore minutes (Paper)" in html
    assert f'href="{document.url}"' in html
    # The scan is still reported: recognised text is not an accessible document.
    assert "scanned" in [finding["code"] for finding in check.findings]


@pytest.mark.slow
def test_only_the_scanned_pages_are_read_and_the_text_layer_is_kept(
    client, meetings_index, tesseract
):
    document = store_paper("partly.pdf", samples.partly_scanned_pdf())

    run_queued_jobs()

    document.refresh_from_db()
    assert document.accessibility.scanned_pages == [3]
    assert "Skills and apprenticeships" in document.text
    assert "turbines" in document.accessibility.recognised_text.lower()
    assert "Offshore minutes (Paper)" in search(client, "turbines")


def test_a_paper_with_a_text_layer_queues_no_job(client, meetings_index):
    document = store_paper("paper.pdf", samples.paper_pdf())

    assert PaperCheck.objects.get(document=document).recognition == ""
    from django_tasks_db.models import DBTaskResult

    assert not DBTaskResult.objects.exists()


def test_without_tesseract_the_job_records_what_to_install(
    client, meetings_index, monkeypatch, tmp_path, django_user_model
):
    document = store_paper("scan.pdf", samples.scanned_pdf())
    monkeypatch.setenv("PATH", str(tmp_path))

    run_queued_jobs()

    check = PaperCheck.objects.get(document=document)
    assert check.recognition == PaperCheck.Recognition.UNAVAILABLE
    assert "tesseract and pdftoppm not installed" in check.recognition_note
    assert ocr.INSTALL in check.recognition_note
    document.refresh_from_db()
    assert document.text == ""
    # The dashboard says so to the secretaries.
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("secretary", password="x" * 16)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "text could not be recognised on 1 scanned paper" in html


def test_a_job_for_a_file_since_replaced_does_nothing(client, meetings_index):
    document = store_paper("scan.pdf", samples.scanned_pdf())
    MeetingDocument.objects.filter(pk=document.pk).update(sha256="f" * 64)

    run_queued_jobs()

    check = PaperCheck.objects.get(document=document)
    assert check.recognition == PaperCheck.Recognition.QUEUED
    assert check.recognised_text == ""
