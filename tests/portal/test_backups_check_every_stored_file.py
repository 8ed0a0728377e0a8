"""export_site and import_site check every file the database names, and say which
are missing or damaged."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from meetings.models import Committee, Meeting, MeetingDocument
from tests.meetings.factories import MeetingDocumentFactory
from tests.portal.test_backup_round_trips_the_site import (
    quietly,
    use_empty_file_folders,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def papers(tmp_path, settings):
    use_empty_file_folders(settings, tmp_path)
    kept = MeetingDocumentFactory(title="Minutes")
    lost = MeetingDocumentFactory(title="Budget")
    lost.file.storage.delete(lost.file.name)
    return kept, lost


def test_export_names_each_paper_whose_file_is_missing_and_fails(tmp_path, papers):
    kept, lost = papers
    with pytest.raises(CommandError) as failure:
        quietly("export_site", str(tmp_path / "backup"))
    message = str(failure.value)
    assert "1 stored file(s) named by the database are missing" in message
    assert f"meetings.MeetingDocument {lost.pk} (file meetings_private/" in message
    assert f"{lost.file.name}) is missing" in message
    assert f"MeetingDocument {kept.pk} " not in message
    assert (tmp_path / "backup" / "manifest.json").exists(), "the rest is backed up"


def test_export_names_a_paper_whose_file_is_not_what_its_row_records(
    tmp_path, settings
):
    use_empty_file_folders(settings, tmp_path)
    paper = MeetingDocumentFactory(title="Minutes")
    with paper.file.storage.open(paper.file.name, "wb") as file:
        file.write(b"%PDF-1.4 something else")
    with pytest.raises(CommandError, match=f"MeetingDocument {paper.pk} .* bytes, not"):
        quietly("export_site", str(tmp_path / "backup"))

    MeetingDocument.objects.filter(pk=paper.pk).update(file_size=23)
    with pytest.raises(CommandError, match="does not match its SHA-256"):
        quietly("export_site", str(tmp_path / "backup-2"))


def test_a_complete_site_exports_without_a_word_of_complaint(tmp_path, settings):
    use_empty_file_folders(settings, tmp_path)
    MeetingDocumentFactory(title="Minutes")
    quietly("export_site", str(tmp_path / "backup"))


def test_import_restores_what_it_can_and_names_what_the_backup_lacks(tmp_path, papers):
    kept, lost = papers
    with pytest.raises(CommandError):
        quietly("export_site", str(tmp_path / "backup"))
    MeetingDocument.objects.all().delete()
    Meeting.objects.all().delete()
    Committee.objects.all().delete()
    get_user_model().objects.all().delete()

    with pytest.raises(CommandError) as failure:
        quietly("import_site", str(tmp_path / "backup"))
    message = str(failure.value)
    assert message.startswith("Restored ")
    assert f"meetings.MeetingDocument {lost.pk} " in message and "is missing" in message
    assert f"MeetingDocument {kept.pk} " not in message
    assert set(MeetingDocument.objects.values_list("pk", flat=True)) == {
        kept.pk,
        lost.pk,
    }
    assert MeetingDocument.objects.get(pk=kept.pk).file.read().startswith(b"%PDF")
