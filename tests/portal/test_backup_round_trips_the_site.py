"""export_site then import_site into an empty database gives back the same site."""

import json

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from funding.models import (
    EnterpriseZoneSite,
    Figure,
    Fund,
    FundedProject,
    FundRound,
    Source,
)
from meetings.models import AgendaItem, Committee, Meeting, MeetingDocument
from tests import database
from tests.meetings.factories import MeetingDocumentFactory, pdf_bytes

FUNDING_MODELS = [Source, Fund, Figure, FundRound, FundedProject, EnterpriseZoneSite]


def quietly(*args):
    call_command(*args, stdout=open("/dev/null", "w"))


def use_empty_file_folders(settings, folder):
    settings.MEDIA_ROOT = folder / "media"
    settings.MEETINGS_PRIVATE_ROOT = folder / "private"


def snapshot():
    """Everything an editor or visitor relies on, with every file's bytes."""
    return {
        "pages": {
            page.url_path: page.specific.serializable_data()
            for page in Page.objects.all()
        },
        # values(), not serializable_data(): that stamps auto_now fields with now.
        "meetings": list(Meeting.objects.order_by("pk").values()),
        "agenda_items": list(AgendaItem.objects.order_by("pk").values()),
        "committees": list(Committee.objects.values()),
        "documents": {
            document.pk: (
                document.title,
                document.publication,
                document.sha256,
                document.file.open("rb").read(),
            )
            for document in MeetingDocument.objects.all()
        },
        "images": {
            image.title: image.file.open("rb").read()
            for image in get_image_model().objects.all()
        },
        "funding": {
            model.__name__: list(model.objects.order_by("pk").values())
            for model in FUNDING_MODELS
        },
        "users": list(get_user_model().objects.values("username", "password")),
        "history": (
            list(PageLogEntry.objects.values("action", "page_id", "timestamp")),
            list(ModelLogEntry.objects.values("action", "object_id", "timestamp")),
        ),
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_seeded_site_survives_export_and_import_into_an_empty_database(
    tmp_path, settings, client, database_snapshots
):
    use_empty_file_folders(settings, tmp_path / "before")
    database.restore(database_snapshots.seeded())
    meeting = Meeting.objects.filter(live=True).first()
    uploaded = MeetingDocumentFactory(
        meeting=meeting, title="Uploaded budget", body=pdf_bytes("Budget 2027")
    )
    wagtail_factories.ImageFactory(title="Tyne Bridge")
    get_user_model().objects.create_superuser("owner", "owner@example.org", "x" * 20)
    before = snapshot()
    assert before["documents"][uploaded.pk][3] == pdf_bytes("Budget 2027")
    assert len(before["pages"]) > 10 and before["funding"]["FundedProject"]

    quietly("export_site", str(tmp_path / "backup"))
    database.restore(database_snapshots.migrated)
    use_empty_file_folders(settings, tmp_path / "after")
    assert not default_storage.exists("original_images")
    quietly("import_site", str(tmp_path / "backup"))

    after = snapshot()
    for part in before:
        assert after[part] == before[part], part
    home = client.get("/")
    assert home.status_code == 200
    meeting_page = client.get(meeting.url)
    assert b"Uploaded budget" in meeting_page.content
    download = client.get(uploaded.url)
    assert b"".join(download.streaming_content) == pdf_bytes("Budget 2027")
    results = client.get("/search/", {"q": "growth"})
    assert results.status_code == 200 and b"Clean growth" in results.content


@pytest.mark.django_db
def test_import_refuses_a_database_that_has_content_and_changes_nothing(
    tmp_path, settings
):
    use_empty_file_folders(settings, tmp_path)
    quietly("export_site", str(tmp_path / "backup"))
    get_user_model().objects.create_user("editor", "editor@example.org", "x" * 20)
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="already has content \\(users\\)"):
        quietly("import_site", str(tmp_path / "backup"))
    assert get_user_model().objects.get().username == "editor"
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path, settings):
    use_empty_file_folders(settings, tmp_path)
    document = MeetingDocumentFactory(title="Minutes")
    quietly("export_site", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    [paper] = [f for f in manifest["files"] if f["storage"] == "meetings_private"]
    damaged = tmp_path / "backup" / "files" / "meetings_private" / paper["name"]
    damaged.write_bytes(b"not the paper")

    with pytest.raises(CommandError, match="damaged.*does not match its checksum"):
        quietly("import_site", str(tmp_path / "backup"))
    assert MeetingDocument.objects.get().pk == document.pk


@pytest.mark.django_db
def test_export_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        quietly("export_site", str(tmp_path))
    assert (tmp_path / "notes.txt").read_text() == "keep me"
