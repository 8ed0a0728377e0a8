"""Imports of large files, run by the job worker instead of inside the request.

The admin stores the uploaded file in an ``ImportRun`` and queues ``run_import``. The
worker checks the file (a dry run: the preview) and, once the editor applies it, writes
it. Writing is one transaction, read a batch at a time (``funding.importing``): memory
stays flat, and a failure anywhere leaves the database as it was. While the
transaction is open its progress is invisible to other database connections, so each
batch's progress is kept in the cache, which every process shares; the result is saved
on the ``ImportRun`` when the job ends.

One import of each kind may be queued or running at a time (a unique constraint on
``ImportRun``): a second is refused with a message, and nothing changes. A run whose
worker stopped reporting progress (it was killed: its transaction went with it) ends
as failed when someone next looks, so the kind is not blocked for good.
"""

import time
from dataclasses import asdict

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.caching.backends import unavailable
from portal.ops.jobs import background_job

from .importing import import_csv
from .models import ImportRun

# Files larger than this are checked by the job worker, not inside the request.
BACKGROUND_FROM_BYTES = 256 * 1024
PROGRESS_SECONDS = 24 * 3600
# A batch reports within seconds; this long without a report, the worker is gone.
STALLED_AFTER_SECONDS = 10 * 60


class ImportBusy(Exception):
    """Another import of the same kind is queued or running."""

    def __init__(self, kind):
        super().__init__(
            f"Another {kind} import is waiting or running: wait until it has "
            "finished, then try again. Nothing was changed."
        )


def busy(kind):
    for run in ImportRun.objects.filter(kind=kind, status=ImportRun.Status.RUNNING):
        end_if_stalled(run)
    return ImportRun.objects.filter(kind=kind, status__in=ImportRun.ACTIVE).exists()


def end_if_stalled(run):
    """End ``run`` as failed if its worker has not reported for a while."""
    if run.status != ImportRun.Status.RUNNING or unavailable():
        return
    reported = cache.get(progress_key(run))
    last = reported["at"] if reported else run.created_at.timestamp()
    if time.time() - last > STALLED_AFTER_SECONDS:
        finish(run, ImportRun.Status.FAILED, worker_stopped())


def start(kind, file_name, data, user):
    """Store the file and queue its check (a dry run); raise ImportBusy if another
    import of ``kind`` is queued or running."""
    if busy(kind):
        raise ImportBusy(kind)
    run = ImportRun(
        kind=kind,
        file_name=file_name[:255],
        data=data,
        user=user,
        rows_total=count_rows(data),
    )
    try:
        with transaction.atomic():
            run.save()
    except IntegrityError:
        raise ImportBusy(kind) from None
    run_import.enqueue(run.pk)
    return run


def apply(run, user, publish):
    """Queue the writing of a checked file; raise ImportBusy as ``start`` does."""
    updated = 0
    try:
        with transaction.atomic():
            updated = ImportRun.objects.filter(
                pk=run.pk, status=ImportRun.Status.PREVIEWED
            ).update(
                status=ImportRun.Status.QUEUED,
                dry_run=False,
                publish=publish,
                user=user,
            )
    except IntegrityError:
        raise ImportBusy(run.kind) from None
    if updated:
        cache.delete(progress_key(run))
        run_import.enqueue(run.pk)
    return bool(updated)


def count_rows(data):
    """About how many rows follow the first line, whatever the line endings."""
    lines = max(data.count(b"\n"), data.count(b"\r"))
    if data and not data.endswith((b"\n", b"\r")):
        lines += 1
    return max(lines - 1, 0)


def progress_key(run):
    return f"funding-import-progress:{run.pk}:{'check' if run.dry_run else 'write'}"


def report_progress(run, rows_done=0, error_count=0, writing=False):
    done = {
        "rows_done": rows_done,
        "error_count": error_count,
        "writing": writing,
        "at": time.time(),
    }
    cache.set(progress_key(run), done, PROGRESS_SECONDS)


def progress(run):
    """Rows done and problems found so far, as the worker last reported them."""
    done = cache.get(progress_key(run)) or {
        "rows_done": 0,
        "error_count": 0,
        "writing": False,
    }
    done["rows_left"] = max(run.rows_total - done["rows_done"], 0)
    return done


@background_job
def run_import(run_id):
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).first()
    if run is None:
        return "nothing to do"
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    report_progress(run)
    try:
        report = import_csv(
            bytes(run.data),
            run.kind,
            dry_run=run.dry_run,
            user=run.user,
            publish=run.publish,
            progress=lambda report: report_progress(
                run, report.rows_done, report.error_count, report.writing
            ),
        )
    except Exception:
        finish(run, ImportRun.Status.FAILED, unexpected_failure())
        raise
    if run.dry_run and report.ok and (report.created or report.updated):
        status = ImportRun.Status.PREVIEWED
    elif report.ok:
        status = ImportRun.Status.DONE
    else:
        status = ImportRun.Status.FAILED
    finish(run, status, stored(report))
    return report.summary()


def finish(run, status, report):
    run.status = status
    run.report = report
    run.finished_at = timezone.now()
    fields = ["status", "report", "finished_at"]
    if status != ImportRun.Status.PREVIEWED:
        run.data = b""  # The file is not kept once the import has ended.
        fields.append("data")
    run.save(update_fields=fields)


def stored(report):
    """The report as the result page shows it, in plain values."""
    return {
        "ok": report.ok,
        "applied": report.applied,
        "summary": report.summary(),
        "rows_done": report.rows_done,
        "created": len(report.created),
        "updated": len(report.updated),
        "unchanged": report.unchanged,
        "error_count": report.error_count,
        "errors": [asdict(error) for error in report.errors],
        "warnings": [asdict(warning) for warning in report.warnings],
        "kept_columns": report.kept_columns,
        "preview_headings": report.preview_headings,
        "preview": [asdict(row) for row in report.preview],
        "preview_is_partial": report.preview_is_partial,
    }


def worker_stopped():
    return {
        "ok": False,
        "summary": "The import stopped: the job worker ended while it ran, so "
        "nothing was changed. Upload the file again.",
        "errors": [],
        "warnings": [],
    }


def unexpected_failure():
    return {
        "ok": False,
        "summary": "The import stopped with an unexpected error: nothing was "
        "changed. Try again; if it stops again, tell the site's developers.",
        "errors": [],
        "warnings": [],
    }
