"""A large file is checked and imported by the job worker, not inside the request.

The editor sees its progress (rows done, rows left, problems so far), then the preview,
then the result; one import of each kind runs at a time; a failure while writing
changes nothing; a queued import waits in the database for the worker.
"""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from funding import import_jobs, importing
from funding.models import FundedProject, FundRound, ImportRun
from portal.ops.jobs import run_queued_jobs
from tests.funding.factories import FundFactory, FundRoundFactory

pytestmark = pytest.mark.django_db(transaction=True)

IMPORT = reverse("funding_import:index")
HEADER = "identifier,fund,round,title,amount_awarded,source_title,source_url\n"


def projects_csv(count, round_="", start=1):
    rows = (
        f"bg-{n},local-growth-fund,{round_},Example project {n},{1000 + n},"
        "Example source,https://example.org/source\n"
        for n in range(start, start + count)
    )
    return HEADER + "".join(rows)


@pytest.fixture(autouse=True)
def small_files_go_to_the_worker(monkeypatch):
    monkeypatch.setattr(import_jobs, "BACKGROUND_FROM_BYTES", 100)
    monkeypatch.setattr(importing, "BATCH_ROWS", 10)


@pytest.fixture
def fund():
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    FundRoundFactory(identifier="growth-deal-2014", fund=fund)
    return fund


def upload(client, text, kind="projects"):
    file = SimpleUploadedFile(f"{kind}.csv", text.encode(), "text/csv")
    return client.post(IMPORT, {"kind": kind, "file": file}, follow=True)


def checked_and_applied(client, text):
    """Upload ``text``, let the worker check it, and apply it: queued for writing."""
    upload(client, text)
    run = ImportRun.objects.get()
    run_queued_jobs()
    client.post(reverse("funding_import:apply_run", args=[run.pk]), {"publish": "yes"})
    return run


def shown(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_large_file_is_checked_then_imported_by_the_worker_with_progress(
    client, editor, fund
):
    checking = upload(client, projects_csv(35))
    run = ImportRun.objects.get()
    assert checking.redirect_chain[-1][0] == reverse(
        "funding_import:run", args=[run.pk]
    )
    page = shown(checking)
    assert "Checking the file" in page
    assert "<dt>Rows done</dt><dd>0</dd> <dt>Rows left</dt><dd>35</dd>" in page
    assert "Show the latest progress" in page
    assert not FundedProject.objects.exists()

    run_queued_jobs()
    preview = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "Projects would be imported (dry run): 35 new" in preview
    assert "Apply this import" in preview
    apply_url = reverse("funding_import:apply_run", args=[run.pk])
    assert f'<form method="post" action="{apply_url}">' in preview
    assert not FundedProject.objects.exists()

    applying = client.post(
        reverse("funding_import:apply_run", args=[run.pk]),
        {"publish": "yes"},
        follow=True,
    )
    assert "Importing the file" in shown(applying)
    assert not FundedProject.objects.exists()

    run_queued_jobs()
    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "Projects imported and published: 35 new, 0 changed" in result
    assert "Apply this import" not in result
    assert FundedProject.objects.public().count() == 35
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert bytes(run.data) == b"", "the uploaded file is deleted once imported"


def test_progress_shows_rows_done_and_left_while_the_worker_writes(
    client, editor, fund, monkeypatch
):
    run = checked_and_applied(client, projects_csv(35))
    seen = []
    handle_batch = importing.Importer.handle_batch

    def and_look(self, rows, dry_run):
        handle_batch(self, rows, dry_run)
        page = shown(client.get(reverse("funding_import:run", args=[run.pk])))
        seen.append(re.search(r"Rows done</dt><dd>(\d+).*?left</dt><dd>(\d+)", page))

    monkeypatch.setattr(importing.Importer, "handle_batch", and_look)
    run_queued_jobs()

    assert [match.groups() for match in seen] == 2 * [
        ("10", "25"),
        ("20", "15"),
        ("30", "5"),
        ("35", "0"),
    ]


def test_a_second_import_of_the_same_kind_is_told_to_wait(client, editor, fund):
    upload(client, projects_csv(20))

    second = upload(client, projects_csv(20, start=100))

    assert "Another projects import is waiting or running" in shown(second)
    assert "Nothing was changed" in shown(second)
    assert ImportRun.objects.count() == 1
    run_queued_jobs()
    assert not FundedProject.objects.exists()
    assert ImportRun.objects.get().status == ImportRun.Status.PREVIEWED


def test_applying_waits_while_another_import_of_the_kind_runs(client, editor, fund):
    upload(client, projects_csv(20))
    first = ImportRun.objects.get()
    run_queued_jobs()
    upload(client, projects_csv(20, start=100))  # Checking, not yet run.

    refused = client.post(
        reverse("funding_import:apply_run", args=[first.pk]), follow=True
    )

    assert "Another projects import is waiting or running" in shown(refused)
    first.refresh_from_db()
    assert first.status == ImportRun.Status.PREVIEWED
    assert not FundedProject.objects.exists()


def test_another_kind_may_be_imported_meanwhile(client, editor, fund):
    upload(client, projects_csv(20))

    rounds = "".join(f"r-{n},local-growth-fund,Round {n},Source\n" for n in range(9))
    upload(client, "identifier,fund,name,source_title\n" + rounds, kind="rounds")

    assert ImportRun.objects.filter(kind="rounds").exists()


def test_a_row_failing_while_writing_rolls_the_whole_import_back(client, editor, fund):
    last_rows = projects_csv(5, "growth-deal-2014", start=50).removeprefix(HEADER)
    run = checked_and_applied(client, projects_csv(25) + last_rows)
    # Between the preview and the writing, the round the last rows name goes.
    FundRound.objects.filter(identifier="growth-deal-2014").delete()

    run_queued_jobs()

    assert not FundedProject.objects.exists(), "the first batches were rolled back"
    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "Problems in the file" in result
    assert "unknown round “growth-deal-2014”" in result
    assert "nothing was imported" in result
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED


def test_an_unexpected_error_while_writing_changes_nothing_and_says_so(
    client, editor, fund, monkeypatch
):
    run = checked_and_applied(client, projects_csv(35))
    create_all = importing.Importer.create_all
    batches = []

    def fail_on_the_third_batch(self, rows):
        batches.append(rows)
        if len(batches) == 3:
            raise OSError("disk full")
        create_all(self, rows)

    monkeypatch.setattr(importing.Importer, "create_all", fail_on_the_third_batch)
    run_queued_jobs()

    assert not FundedProject.objects.exists()
    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "The import stopped with an unexpected error: nothing was changed" in result
    # The kind is free again.
    assert "Checking the file" in shown(upload(client, projects_csv(20)))


def test_a_queued_import_runs_when_the_worker_starts_again(client, editor, fund):
    run = checked_and_applied(client, projects_csv(20))
    # The worker is down (restarting): the import waits in the database.
    run.refresh_from_db()
    assert run.status == ImportRun.Status.QUEUED

    run_queued_jobs()  # The worker is back: `manage.py run_jobs`.

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert FundedProject.objects.count() == 20


def test_a_bad_large_file_lists_its_problems_and_changes_nothing(client, editor, fund):
    text = projects_csv(20).replace("Example project 7,1007", "Example project 7,lots")
    upload(client, text)
    run = ImportRun.objects.get()

    run_queued_jobs()

    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "1 problem(s) found: nothing was imported" in result
    assert "“lots” is not an amount in pounds" in result
    assert "Apply this import" not in result
    assert not FundedProject.objects.exists()


def test_only_funding_editors_see_an_import(client, editor, fund, django_user_model):
    upload(client, projects_csv(20))
    run = ImportRun.objects.get()
    other = django_user_model.objects.create_user("someone", password="x" * 16)
    other.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(other)

    assert client.get(reverse("funding_import:run", args=[run.pk])).status_code in (
        302,
        403,
    )


@pytest.mark.slow
def test_five_thousand_rows_go_through_the_worker_in_batches(
    client, editor, fund, monkeypatch
):
    monkeypatch.setattr(importing, "BATCH_ROWS", 1000)
    run = checked_and_applied(client, projects_csv(5000))
    progress = []
    handle_batch = importing.Importer.handle_batch

    def and_look(self, rows, dry_run):
        handle_batch(self, rows, dry_run)
        now = import_jobs.progress(ImportRun.objects.defer("data").get(pk=run.pk))
        progress.append((now["writing"], now["rows_done"], now["rows_left"]))

    monkeypatch.setattr(importing.Importer, "handle_batch", and_look)
    run_queued_jobs()

    checked = [(False, n, 5000 - n) for n in range(1000, 5001, 1000)]
    written = [(True, n, 5000 - n) for n in range(1000, 5001, 1000)]
    assert progress == checked + written
    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))
    assert "Projects imported and published: 5000 new" in result
    assert FundedProject.objects.public().count() == 5000


def test_an_import_whose_worker_was_killed_ends_and_frees_its_kind(
    client, editor, fund
):
    upload(client, projects_csv(20))
    run = ImportRun.objects.get()
    # The worker took the job and was killed before its first batch was written.
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)
    import_jobs.report_progress(run)
    assert "waiting or running" in shown(upload(client, projects_csv(20, start=100)))

    stopped_at = time.time() - import_jobs.STALLED_AFTER_SECONDS - 1
    cache.set(import_jobs.progress_key(run), {"rows_done": 10, "at": stopped_at})
    result = shown(client.get(reverse("funding_import:run", args=[run.pk])))

    assert "the job worker ended while it ran, so nothing was changed" in result
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert bytes(run.data) == b""
    assert "Checking the file" in shown(upload(client, projects_csv(20, start=100)))
