"""A batch of papers is stored whole or not at all, whatever the disk does."""

import errno
import os
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.db import DatabaseError
from django.urls import reverse

from meetings.models import MeetingDocument
from tests.meetings.factories import MeetingFactory
from tests.meetings.upload_samples import good_pdf


@pytest.fixture
def disk_fills_while_writing_the_report(monkeypatch):
    """Writing "report.pdf" fails with "no space left" after its first chunk."""
    chunks = InMemoryUploadedFile.chunks

    def fill_up(upload, chunk_size=None):
        if upload.name != "report.pdf":
            yield from chunks(upload, chunk_size)
            return
        yield upload.read()[:1000]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryUploadedFile, "chunks", fill_up)


def upload(client, meeting, *files):
    return client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]),
        {"upload": "1", "files": list(files)},
    )


def files_under(root):
    return (
        sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []
    )


def test_a_very_long_file_name_is_shortened_and_the_batch_is_stored(
    client, secretary, private_meeting_files
):
    meeting = MeetingFactory()
    long_name = "Item 3 " + "regional skills and growth report " * 9 + ".pdf"
    assert len(long_name) > 300
    response = upload(
        client,
        meeting,
        SimpleUploadedFile("agenda.pdf", good_pdf()),
        SimpleUploadedFile(long_name, good_pdf()),
    )
    assert response.status_code == 302
    titles = sorted(MeetingDocument.objects.values_list("title", flat=True), key=len)
    assert titles[0] == "Agenda"
    assert titles[1].startswith("Item 3 regional skills") and titles[1].endswith("…")
    assert len(titles[1]) <= 200
    longest = MeetingDocument.objects.get(title=titles[1])
    assert len(longest.file_name) <= 120 and len(longest.file.name) <= 100
    assert longest.file.read() == good_pdf()


def test_a_full_disk_partway_stores_nothing_and_says_so(
    client, secretary, private_meeting_files, disk_fills_while_writing_the_report
):
    meeting = MeetingFactory()
    response = upload(
        client,
        meeting,
        SimpleUploadedFile("agenda.pdf", good_pdf()),
        SimpleUploadedFile("report.pdf", good_pdf("A long report " * 200)),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "could not be stored: the server&#x27;s disk is full" in text
    assert "Nothing was saved" in text
    assert not MeetingDocument.objects.exists()
    assert files_under(private_meeting_files) == []


def test_a_database_failure_partway_removes_the_files_already_written(
    client, secretary, private_meeting_files, monkeypatch
):
    meeting = MeetingFactory()
    save = MeetingDocument.save
    calls = []

    def fail_on_the_second(document, *args, **kwargs):
        calls.append(document)
        if len(calls) == 2:
            raise DatabaseError("value too long")
        return save(document, *args, **kwargs)

    monkeypatch.setattr(MeetingDocument, "save", fail_on_the_second)
    response = upload(
        client,
        meeting,
        SimpleUploadedFile("agenda.pdf", good_pdf()),
        SimpleUploadedFile("report.pdf", good_pdf()),
    )
    assert "could not be stored: the server could not record them" in (
        response.content.decode()
    )
    assert not MeetingDocument.objects.exists()
    assert files_under(private_meeting_files) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB tmpfs: a real disk that fills up."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("filling a real disk needs root to mount a small tmpfs")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_a_really_full_disk_stores_nothing_and_leaves_no_partial_file(
    client, secretary, settings, small_disk
):
    settings.MEETINGS_PRIVATE_ROOT = small_disk / "papers"
    meeting = MeetingFactory()
    big = good_pdf("Annual report " + os.urandom(200_000).hex())
    assert len(big) > 256 * 1024
    response = upload(
        client,
        meeting,
        SimpleUploadedFile("agenda.pdf", good_pdf()),
        SimpleUploadedFile("report.pdf", big),
    )
    assert response.status_code == 200
    assert "disk is full" in response.content.decode()
    assert not MeetingDocument.objects.exists()
    assert files_under(small_disk) == []
