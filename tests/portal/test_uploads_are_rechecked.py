"""Documents and images uploaded through the admin are checked on the server, whatever
the browser said they were, and a refusal says why and stores nothing."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from funding.importing import import_csv
from funding.models import FundedProject
from tests.funding.factories import FundFactory
from tests.meetings.upload_samples import (
    PDF_OPEN_ACTION_JS,
    docx,
    good_pdf,
    odt_with_a_basic_macro_library,
    pdf_with,
    xlsx_with_a_renamed_vba_part,
)

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script/></svg>'


@pytest.fixture
def admin_client(client, django_user_model):
    # Without a password: hashing one is the slowest part of pytest-django's fixture.
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org")
    client.force_login(admin)
    return client


def png(width=20, height=10, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, data, content_type):
    return SimpleUploadedFile(name, data, content_type=content_type)


def add_document(client, name, data, content_type="application/pdf"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Annual report",
            "collection": Collection.get_first_root_node().pk,
            "file": upload(name, data, content_type),
        },
    )


def add_image(client, name, data, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Chart",
            "collection": Collection.get_first_root_node().pk,
            "file": upload(name, data, content_type),
        },
    )


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("report.pdf", HTML, "is named .pdf but its content is a web page or script"),
        ("report.pdf", b"#!/bin/sh\nrm -rf /\n", "its content is a script"),
        ("report.pdf", SVG, "its content is an SVG image"),
        ("report.docx", good_pdf(), "is named .docx but its content is a PDF"),
        ("figures.csv", HTML, "is named .csv but its content is a web page"),
        ("figures.csv", b"a,b\n1,\0\n", "its content is binary data"),
        ("report.pdf", b"", "The submitted file is empty"),
    ],
)
def test_a_document_that_is_not_what_its_name_says_is_refused(
    admin_client, name, data, reason
):
    response = add_document(admin_client, name, data)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("minutes.odt", odt_with_a_basic_macro_library(), "contains macros"),
        ("budget.xlsx", xlsx_with_a_renamed_vba_part(), "contains macros"),
        ("paper.pdf", pdf_with(PDF_OPEN_ACTION_JS), "contains JavaScript"),
    ],
)
def test_a_wagtail_document_with_macros_or_scripts_is_refused(
    admin_client, name, data, reason
):
    response = add_document(admin_client, name, data)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.DOCUMENTS_MAX_UPLOAD_MB = 1
    response = add_document(
        admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    )
    assert "the limit is 1 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_the_multiple_upload_refuses_a_disguised_document_too(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload("minutes.pdf", HTML, "application/pdf")},
    )
    result = json.loads(response.content)
    assert result["success"] is False
    assert "its content is a web page or script" in result["error_message"]
    assert not Document.objects.exists()


def test_real_documents_are_stored_and_only_pdfs_open_in_the_browser(admin_client):
    # The browser's claimed type is ignored either way: the content decides.
    add_document(admin_client, "Annual report.pdf", good_pdf(), "text/html")
    add_document(admin_client, "Plan.docx", docx(), "application/octet-stream")
    pdf, word = Document.objects.order_by("pk")
    admin_client.logout()
    response = admin_client.get(pdf.url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    response = admin_client.get(word.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("chart.png", HTML, "Not a valid .png image"),
        ("chart.png", b"GIF89a" + HTML, "Not a valid .png image"),
        ("chart.svg", SVG, "Not a supported image format"),
        ("chart.jpg", png(), "The extension does not match the file format (png)"),
        ("chart.png", png(8000, 6000, mode="1"), "This file has too many pixels"),
    ],
)
def test_an_image_that_is_not_what_its_name_says_is_refused(
    admin_client, name, data, reason
):
    response = add_image(admin_client, name, data)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    too_big = png() + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = add_image(admin_client, "chart.png", too_big)
    assert "This file is too big (10.0\xa0MB). Maximum filesize 10.0\xa0MB" in (
        response.content.decode()
    )
    assert not Image.objects.exists()


def test_a_real_image_is_stored(admin_client):
    response = add_image(admin_client, "chart.png", png(), "text/html")
    assert response.status_code == 302
    assert Image.objects.get().width == 20


def test_a_csv_import_with_nul_characters_is_refused_with_a_reason():
    FundFactory(slug="local-growth-fund")
    data = (
        "identifier,fund,title,amount_awarded,source_title,source_url\n"
        "p1,local-growth-fund,Has a \0 NUL,100,NELEP,https://example.org/lgf\n"
    )
    report = import_csv(data.encode(), "projects")
    assert "NUL" in str(report.errors[0])
    assert not FundedProject.objects.exists()
