"""The benchmark's small data shows as many rows as the bulk data on every list."""

import datetime

import pytest
from django.utils import timezone

from bench.databases import SMALL_SIZES
from meetings import bulk
from meetings.feeds import CALENDAR_PAST_MEETINGS, CALENDAR_UPCOMING_MEETINGS
from meetings.models import Meeting
from meetings.views import PER_PAGE, UPCOMING_FIRST
from tests.meetings.factories import CommitteeFactory


@pytest.mark.django_db
def test_the_small_meetings_fill_the_lists_and_calendars_for_months():
    CommitteeFactory()
    bulk.generate(
        meetings=SMALL_SIZES.meetings, log=lambda message: None, show_progress=False
    )
    # The benchmark keeps its data between runs: still full after 100 days.
    later = timezone.now() + datetime.timedelta(days=100)
    public = Meeting.objects.public()

    upcoming = public.upcoming(later).count()
    last_year = public.filter(
        start__lt=later, start__gte=later - datetime.timedelta(days=365)
    ).count()

    assert upcoming > max(UPCOMING_FIRST, CALENDAR_UPCOMING_MEETINGS)
    assert last_year > max(PER_PAGE, CALENDAR_PAST_MEETINGS)
