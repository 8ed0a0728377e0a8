"""The scheduler publishes what is due, leaves the rest, and never runs a job twice."""

import datetime
import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from meetings.models import Meeting, MeetingDocument
from portal.ops import scheduler
from strategy.models import StandardPage
from tests.factories import StandardPageFactory
from tests.meetings.factories import MeetingDocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PAST = datetime.timedelta(minutes=-5)
FUTURE = datetime.timedelta(days=2)


def scheduled_page(home_page, offset, title):
    page = StandardPageFactory(parent=home_page, title=title, live=False)
    page.save_revision(approved_go_live_at=timezone.now() + offset)
    return page


def scheduled_meeting(offset):
    meeting = MeetingFactory(live=False)
    meeting.save_revision(approved_go_live_at=timezone.now() + offset)
    return meeting


def scheduled_document(offset):
    return MeetingDocumentFactory(
        meeting=MeetingFactory(live=True),
        publication=MeetingDocument.Publication.SCHEDULED,
        publish_at=timezone.now() + offset,
    )


def run_once():
    call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))


def test_due_page_meeting_and_document_go_live_and_future_ones_wait(client, home_page):
    due_page = scheduled_page(home_page, PAST, "Due page")
    later_page = scheduled_page(home_page, FUTURE, "Later page")
    due_meeting, later_meeting = scheduled_meeting(PAST), scheduled_meeting(FUTURE)
    due_document, later_document = scheduled_document(PAST), scheduled_document(FUTURE)

    run_once()

    assert StandardPage.objects.get(pk=due_page.pk).live
    assert not StandardPage.objects.get(pk=later_page.pk).live
    assert client.get(due_page.url).status_code == 200
    assert Meeting.objects.get(pk=due_meeting.pk).live
    assert not Meeting.objects.get(pk=later_meeting.pk).live
    due_document.refresh_from_db()
    later_document.refresh_from_db()
    assert due_document.publication == MeetingDocument.Publication.PUBLISHED
    assert due_document.published_at == due_document.publish_at
    assert later_document.publication == MeetingDocument.Publication.SCHEDULED
    assert ModelLogEntry.objects.filter(
        action="wagtail.publish", object_id=str(due_document.pk)
    ).exists()


def test_a_job_claimed_by_another_scheduler_is_not_run_again(home_page):
    page = scheduled_page(home_page, PAST, "Due page")
    cache.add("scheduler:ran:publish_scheduled", True, timeout=60)

    outcomes = scheduler.run_due_jobs()

    assert outcomes["publish_scheduled"] == "not due"
    assert outcomes["publish_scheduled_documents"] == "ok"
    assert not StandardPage.objects.get(pk=page.pk).live


def test_a_job_still_running_elsewhere_is_skipped(home_page):
    page = scheduled_page(home_page, PAST, "Due page")
    cache.add("scheduler:running:publish_scheduled", True, timeout=60)

    assert scheduler.run_due_jobs()["publish_scheduled"] == "busy"
    assert not StandardPage.objects.get(pk=page.pk).live


def test_a_failing_job_is_logged_and_the_others_still_run(
    home_page, monkeypatch, caplog
):
    page = scheduled_page(home_page, PAST, "Due page")
    real_call_command = scheduler.call_command

    def call_command_failing_documents(name, **options):
        if name == "publish_scheduled_documents":
            raise RuntimeError("storage unreachable")
        return real_call_command(name, **options)

    monkeypatch.setattr(scheduler, "call_command", call_command_failing_documents)
    jobs = [
        scheduler.Job("publish_scheduled_documents", scheduler.MINUTE),
        scheduler.Job("publish_scheduled", scheduler.MINUTE),
    ]
    with caplog.at_level(logging.INFO, logger="portal.ops.scheduler"):
        outcomes = scheduler.run_due_jobs(jobs)

    assert outcomes == {
        "publish_scheduled_documents": "failed",
        "publish_scheduled": "ok",
    }
    assert "publish_scheduled_documents failed" in caplog.text
    assert "storage unreachable" in caplog.text
    assert "Ran publish_scheduled" in caplog.text
    assert StandardPage.objects.get(pk=page.pk).live
    assert not cache.get("scheduler:running:publish_scheduled_documents")


def test_the_core_and_each_app_schedule_their_jobs_with_their_intervals():
    assert {job.command: job.every for job in scheduler.jobs()} == {
        "publish_scheduled": scheduler.MINUTE,
        "publish_scheduled_documents": scheduler.MINUTE,
        "send_alert_digests": scheduler.HOUR,
        "purge_unconfirmed_subscriptions": scheduler.DAY,
        "analyze_database": scheduler.DAY,
        "prune_db_task_results": scheduler.DAY,
    }
