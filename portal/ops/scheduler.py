"""The jobs that keep the site on time, and running each one once per interval.

``manage.py run_scheduler`` (started by ``make run`` and ``make serve``) calls
:func:`run_due_jobs` every minute. Each job is a management command, so any of them
can also be run by hand. Several app servers may each run a scheduler: a job runs
only when its scheduler is the first to claim it in the shared cache for this
interval, and never while another run of it is still going.

The core schedules Wagtail's ``publish_scheduled`` and its own ``analyze_database``;
each app registers its own jobs with :func:`register` from its ``AppConfig.ready``.
"""

import io
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.management import call_command, get_commands

logger = logging.getLogger("portal.ops.scheduler")

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
# A crashed run frees its job after this long.
RUNNING_LOCK_SECONDS = 3600


@dataclass(frozen=True)
class Job:
    command: str
    every: timedelta
    arguments: tuple = ()


_jobs = {}


def register(command, every, *arguments):
    """Run management command ``command`` (with ``arguments``) once every ``every``
    (a timedelta)."""
    _jobs[command] = Job(command, every, arguments)


def jobs():
    return list(_jobs.values())


# Pages and any other Wagtail draft-state record (meetings, funding records) whose
# go-live or expiry time has come.
register("publish_scheduled", MINUTE)
# Query planner statistics, which site search on SQLite needs as content grows.
register("analyze_database", DAY)
# Background jobs' results, once they are two weeks old (failed ones too).
register(
    "prune_db_task_results",
    DAY,
    "--backend=background",
    "--queue-name=*",
    "--failed-min-age-days=14",
)


def _claim(job):
    # Slightly under the interval, so the next tick a minute later finds it free.
    seconds = max(int(job.every.total_seconds()) - 5, 1)
    return cache.add(f"scheduler:ran:{job.command}", True, timeout=seconds)


def run_job(job):
    """Run one job now; return "ok", "failed", "busy" or "missing"."""
    if job.command not in get_commands():
        logger.warning("Skipped %s: no such command is installed.", job.command)
        return "missing"
    running_key = f"scheduler:running:{job.command}"
    if not cache.add(running_key, True, timeout=RUNNING_LOCK_SECONDS):
        logger.info("Skipped %s: another scheduler is running it.", job.command)
        return "busy"
    started = time.monotonic()
    output = io.StringIO()
    try:
        call_command(job.command, *job.arguments, verbosity=0, stdout=output)
    except Exception:
        logger.exception("%s failed.", job.command)
        return "failed"
    finally:
        cache.delete(running_key)
    said = " ".join(output.getvalue().split())
    logger.info(
        "Ran %s in %.1f s.%s",
        job.command,
        time.monotonic() - started,
        f" {said}" if said else "",
    )
    return "ok"


def run_due_jobs(due=None):
    """Run every job (or those of ``due``) whose interval has passed; return
    {command: outcome}."""
    outcomes = {}
    for job in jobs() if due is None else due:
        if _claim(job):
            outcomes[job.command] = run_job(job)
        else:
            outcomes[job.command] = "not due"
    return outcomes
