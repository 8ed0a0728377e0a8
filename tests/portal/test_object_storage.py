"""Uploads on S3-compatible object storage: moto's S3 server stands in for the bucket.

App servers keep no files: images, their renditions and documents go to the public
bucket, meeting papers to a private one that only the download view reads.
"""

import io

import boto3
import pytest
from django.core.files.base import ContentFile
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from meetings.models import MeetingDocument
from meetings.storage import private_storage
from strategy.models import StandardPage
from tests.meetings.factories import (
    MeetingDocumentFactory,
    MeetingFactory,
    MeetingIndexPageFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db

MEDIA_BUCKET = "portal-media"
PRIVATE_BUCKET = "portal-meeting-papers"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(
            Bucket=bucket,
            CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
        )
    connection = {
        **CREDENTIALS,
        "endpoint_url": s3_endpoint,
        "region_name": "eu-west-2",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **connection,
                "bucket_name": MEDIA_BUCKET,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
        "meetings_private": {
            "BACKEND": "meetings.storage.PrivateMeetingS3Storage",
            "OPTIONS": {**connection, "bucket_name": PRIVATE_BUCKET},
        },
    }
    yield client
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
            client.delete_object(Bucket=bucket, Key=item["Key"])
        client.delete_bucket(Bucket=bucket)


def keys(client, bucket):
    listing = client.list_objects_v2(Bucket=bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def png():
    data = io.BytesIO()
    PillowImage.new("RGB", (300, 200), "navy").save(data, "PNG")
    return ContentFile(data.getvalue(), name="quayside.png")


def test_images_and_their_renditions_are_stored_in_the_bucket(s3, client, home_page):
    image = get_image_model().objects.create(title="Quayside", file=png())

    stored = keys(s3, MEDIA_BUCKET)
    assert image.file.name in stored
    renditions = list(image.renditions.all())
    assert renditions and {r.file.name for r in renditions} <= stored

    page = StandardPage(title="Quay", slug="quay", body=[("image", image)])
    home_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/quay/").content.decode()
    webp = image.renditions.get(filter_spec="format-webp|max-1200x800")
    assert f"/{MEDIA_BUCKET}/{webp.file.name}" in html


def test_documents_are_served_from_the_bucket(s3, client):
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"Report text", name="report.csv")
    )

    assert document.file.name in keys(s3, MEDIA_BUCKET)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Report text"


def test_meeting_papers_stay_private_and_download_only_when_public(
    s3, client, home_page
):
    MeetingIndexPageFactory(parent=home_page)
    meeting = MeetingFactory()
    published = MeetingDocumentFactory(meeting=meeting, body=pdf_bytes("Budget"))
    draft = MeetingDocumentFactory(
        meeting=meeting, publication=MeetingDocument.Publication.UNPUBLISHED
    )

    papers = keys(s3, PRIVATE_BUCKET)
    assert {published.file.name, draft.file.name} <= papers
    assert not papers & keys(s3, MEDIA_BUCKET)
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=published.file.name)
    assert [grant["Permission"] for grant in grants["Grants"]] == ["FULL_CONTROL"]
    with pytest.raises(ValueError, match="no storage URL"):
        private_storage().url(published.file.name)

    response = client.get(published.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes("Budget")
    assert client.get(draft.url).status_code == 404
