import datetime

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.ops import scheduler
from portal.ops.jobs import background_job, run_queued_jobs

pytestmark = pytest.mark.django_db(transaction=True)

done = []


@background_job
def remember(word):
    done.append(word)
    return word.upper()


@background_job
def fail():
    raise ValueError("a job that fails")


@pytest.fixture(autouse=True)
def nothing_done():
    done.clear()


def test_a_queued_job_waits_for_the_worker_then_runs_once():
    queued = remember.enqueue("minutes")

    assert done == []
    queued.refresh()
    assert queued.status == TaskResultStatus.READY

    run_queued_jobs()
    run_queued_jobs()

    assert done == ["minutes"]
    queued.refresh()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert queued.return_value == "MINUTES"


def test_a_failing_job_is_recorded_and_the_next_one_still_runs():
    failing = fail.enqueue()
    remember.enqueue("agenda")

    run_queued_jobs()

    failing.refresh()
    assert failing.status == TaskResultStatus.FAILED
    assert "a job that fails" in failing.errors[0].traceback
    assert done == ["agenda"]


@pytest.mark.django_db
def test_running_jobs_inside_a_transaction_says_why_it_cannot():
    remember.enqueue("papers")

    with pytest.raises(RuntimeError, match="own transactions"):
        run_queued_jobs()
    assert done == []


def test_the_scheduler_deletes_job_results_after_two_weeks(clock):
    remember.enqueue("old")
    run_queued_jobs()
    clock.shift(datetime.timedelta(days=15))
    remember.enqueue("recent")
    run_queued_jobs()

    scheduler.run_job(next(j for j in scheduler.jobs() if "prune" in j.command))

    assert [row.args_kwargs["args"] for row in DBTaskResult.objects.all()] == [
        ["recent"]
    ]
