"""Background jobs: work that takes longer than a request, done beside the web server.

A job is a django-tasks task on the ``background`` backend: enqueuing it writes a row
to the database (``django_tasks_db``), and the job worker that ``make run`` and
``make serve`` start (``manage.py run_jobs``) runs it, one job at a time per worker,
recording whether it succeeded. Several servers may each run a worker: a job is
claimed by one of them only. The request that queues a job answers at once; a page
that shows the job's progress reads what the job itself records.

    from portal.ops.jobs import background_job

    @background_job
    def import_projects(upload_id): ...

    import_projects.enqueue(upload.pk)
"""

from django.core.management import call_command
from django.db import transaction
from django_tasks import task

BACKEND = "background"


def background_job(function):
    """Make ``function`` a job that ``.enqueue(...)`` queues for the worker."""
    return task(backend=BACKEND)(function)


def run_queued_jobs():
    """Run every job queued so far, here and now, then return: for tests and by hand
    (``manage.py run_jobs --once``).

    The worker commits each job's claim and result as it does in production, so a
    test calling this must not hold a transaction open: mark it
    ``django_db(transaction=True)``.
    """
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "Jobs run in their own transactions: call run_queued_jobs() outside "
            "transaction.atomic (in tests, mark the test django_db(transaction=True))."
        )
    call_command(
        "db_worker", *worker_arguments(), "--batch", "--interval=0", verbosity=0
    )


def worker_arguments():
    # As on the command line: the worker checks its default backend even when given
    # another one by keyword.
    return [
        "--backend",
        BACKEND,
        "--queue-name",
        "*",
        "--no-reload",
        "--no-startup-delay",
    ]
