import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import MeetingDocument
from meetings.uploads import check_upload, clean_name
from tests.meetings.factories import MeetingFactory
from tests.meetings.upload_samples import (
    HOSTILE,
    MACROS_AND_SCRIPTS,
    damaged_pdf,
    docx,
    encrypted_pdf,
    good_pdf,
    odt,
    pdf_with,
)


def upload(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    "name,data,reason",
    HOSTILE + MACROS_AND_SCRIPTS,
    ids=[f"{n}-{r}" for n, _, r in HOSTILE + MACROS_AND_SCRIPTS],
)
def test_each_hostile_file_is_refused_with_its_reason(name, data, reason):
    with pytest.raises(ValidationError) as refusal:
        check_upload(upload(name, data))
    message = " ".join(refusal.value.messages)
    assert name in message
    assert reason.lower() in message.lower()


def test_files_over_the_size_limit_are_refused(settings):
    settings.MEETINGS_MAX_UPLOAD_MB = 1
    with pytest.raises(ValidationError, match="the limit is 1 MB"):
        check_upload(upload("big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1)))


def test_allowed_types_are_a_setting(settings):
    settings.MEETINGS_UPLOAD_EXTENSIONS = ["pdf"]
    with pytest.raises(ValidationError, match="Upload one of: PDF"):
        check_upload(upload("notes.odt", odt()))


@pytest.mark.parametrize(
    "name,data",
    [
        ("paper.pdf", good_pdf()),
        ("paper.docx", docx()),
        ("notes.odt", odt()),
        ("figures.csv", "area,£m\nNorth East,1\n".encode()),
        ("contents.pdf", pdf_with(b"/OpenAction [4 0 R /Fit]")),
    ],
)
def test_real_documents_are_accepted(name, data):
    checked = check_upload(upload(name, data))
    assert checked.warning == ""
    assert checked.size == len(data)
    assert len(checked.sha256) == 64


def test_a_pdf_is_read_for_its_pages_and_text():
    checked = check_upload(upload("skills.pdf", good_pdf("Skills report")))
    assert checked.page_count == 1
    assert "Skills report" in checked.text


@pytest.mark.parametrize(
    "data,problem", [(encrypted_pdf(), "encrypted"), (damaged_pdf(), "damaged")]
)
def test_encrypted_or_damaged_pdfs_are_accepted_with_a_warning(data, problem):
    checked = check_upload(upload("locked.pdf", data))
    assert problem in checked.warning
    assert "cannot be searched" in checked.warning
    assert checked.text == ""


def test_file_names_are_sanitised():
    assert clean_name("../../etc/Pässwörd Report (FINAL).PDF") == (
        "password-report-final.pdf"
    )
    assert clean_name("C:\\Users\\me\\<script>.docx") == "script.docx"
    assert clean_name("....pdf") == "document.pdf"


def test_a_batch_with_one_hostile_file_stores_nothing_and_says_why(
    client, secretary, settings
):
    meeting = MeetingFactory()
    response = client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]),
        {
            "upload": "1",
            "files": [
                upload("agenda.pdf", good_pdf()),
                upload("report.pdf", b"<html><script>alert(1)</script></html>"),
            ],
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "report.pdf" in text and "web page or script" in text
    assert "Nothing was uploaded" in text
    assert not MeetingDocument.objects.exists()
    root = settings.MEETINGS_PRIVATE_ROOT
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))
