"""Meeting notice 5 clear working days before, and final minutes within 10 clear
working days of their approval, on the secretaries' dashboard. The clock stands at
Thursday 14 January 2027."""

import datetime

import pytest
from django.utils import timezone

from meetings import deadlines
from meetings.models import MeetingDocument
from tests.meetings.factories import MeetingDocumentFactory, MeetingFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def by_name(meeting):
    return {deadline.name: deadline for deadline in meeting.deadlines()}


def test_an_unpublished_meeting_is_overdue_5_clear_working_days_before(clock):
    # Monday 18 January: the five clear working days are 11 to 15 January.
    meeting = MeetingFactory(
        title="Unannounced", start=at(D(2027, 1, 18)), status="scheduled", live=False
    )
    notice = by_name(meeting)["Meeting notice"]
    assert notice.due == D(2027, 1, 8)
    assert not notice.met and notice.overdue
    assert ("Unannounced", "Meeting notice") in {
        (row.meeting.title, row.name) for row in deadlines.overdue()
    }


def test_a_meeting_published_in_time_meets_its_notice(clock):
    meeting = MeetingFactory(
        start=at(D(2027, 2, 3)), status="scheduled", first_published_at=timezone.now()
    )
    notice = by_name(meeting)["Meeting notice"]
    assert notice.due == D(2027, 1, 26)
    assert notice.met


def test_a_notice_published_late_is_recorded_but_not_flagged_for_action(clock):
    meeting = MeetingFactory(
        title="Late notice",
        start=at(D(2027, 1, 18)),
        status="scheduled",
        first_published_at=timezone.now(),
    )
    notice = by_name(meeting)["Meeting notice"]
    assert not notice.met
    assert notice.detail == "Published on 14 January 2027, after the deadline."
    assert ("Late notice", "Meeting notice") not in {
        (row.meeting.title, row.name) for row in deadlines.overdue()
    }


def test_final_minutes_are_due_10_clear_working_days_after_approval(clock):
    held = MeetingFactory(title="December Board", start=at(D(2026, 12, 1)))
    approving = MeetingFactory(start=at(D(2026, 12, 15)), committee=held.committee)
    minutes = MeetingDocumentFactory(
        meeting=held,
        kind=MeetingDocument.Kind.MINUTES,
        minutes_status=MeetingDocument.MinutesStatus.APPROVED,
        approved_at=approving,
        publication=MeetingDocument.Publication.UNPUBLISHED,
    )
    final = by_name(held)["Final minutes"]
    # Christmas Day and the Boxing Day substitute (28 December) do not count.
    assert final.due == D(2026, 12, 31)
    assert final.overdue
    assert ("December Board", "Final minutes") in {
        (row.meeting.title, row.name) for row in deadlines.overdue()
    }

    minutes.publication = MeetingDocument.Publication.PUBLISHED
    minutes.save()
    assert by_name(held)["Final minutes"].met


def test_the_dashboard_lists_a_missed_meeting_notice(clock, client, django_user_model):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    user = django_user_model.objects.create_user("secretary", password="x" * 16)
    user.groups.add(Group.objects.get(name="Board secretaries"))
    client.force_login(user)
    MeetingFactory(
        title="Unannounced", start=at(D(2027, 1, 18)), status="scheduled", live=False
    )
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Unannounced" in html and "Meeting notice" in html
    assert "The meeting is not published." in html
