"""The Board's pages are kept under the content version: a published change shows on
the next view, and a member moves to the past members the day after the term ends."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from meetings.models import BoardSettings
from tests.meetings.factories import (
    AttendanceFactory,
    InterestEntryFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock", "page_cache")]


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_moves_to_past_members_the_day_after_the_term_ends(
    client, board_index, clock, settings
):
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600  # longer than the wait below
    today = timezone.localdate()
    PersonFactory(name="Example leaving member", term_ends_on=today)
    assert "Example leaving member" in html(client, "/board/")
    assert "Example leaving member" not in html(client, "/board/past/")

    clock.shift(datetime.timedelta(days=1))

    assert "Example leaving member" not in html(client, "/board/")
    assert "Example leaving member" in html(client, "/board/past/")


def test_a_published_change_and_new_attendance_show_on_the_next_view(
    client, meetings_index, board_index
):
    person = PersonFactory(name="Example member", organisation="Old organisation")
    meeting = MeetingFactory(title="Autumn Board")
    assert "Old organisation" in html(client, "/board/")
    assert "Autumn Board" not in html(client, person.url)

    person.organisation = "New organisation"
    person.save_revision().publish()
    AttendanceFactory(meeting=meeting, person=person)

    assert "New organisation" in html(client, "/board/")
    assert "Present" in html(client, meeting.url)


def test_a_former_members_register_leaves_every_cache_when_its_period_ends(
    client, board_index, clock, settings
):
    settings.PAGE_CACHE_SECONDS = 60 * 24 * 3600  # longer than the wait below
    board_settings = BoardSettings.for_site(Site.objects.get(is_default_site=True))
    board_settings.register_kept_days = 30
    board_settings.save()
    today = timezone.localdate()
    former = PersonFactory(
        name="Example former member",
        appointed_on=today - datetime.timedelta(days=400),
        term_ends_on=today - datetime.timedelta(days=10),
    )
    InterestEntryFactory(person=former, description="Example old directorship")
    assert "Example old directorship" in html(client, former.url)
    assert "Example old directorship" in html(client, "/board/registers.json")

    # Public through the 30th day after the term ends; gone at the next midnight.
    clock.move_to(
        timezone.make_aware(
            datetime.datetime.combine(
                today + datetime.timedelta(days=20), datetime.time(23, 59)
            )
        )
    )
    assert "Example old directorship" in html(client, former.url)
    clock.shift(datetime.timedelta(minutes=1))

    assert "Example old directorship" not in html(client, former.url)
    assert "no longer published" in html(client, former.url)
    assert "Example old directorship" not in html(client, "/board/registers.json")
