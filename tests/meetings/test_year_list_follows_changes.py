"""The year list kept between renders still changes as soon as content does."""

import datetime

import pytest
from django.utils import timezone

from tests.meetings.factories import CommitteeFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_meetings_index_lists_a_year_added_after_a_render(client, meetings_index):
    board = CommitteeFactory(name="Board", slug="board")
    MeetingFactory(committee=board)
    first = client.get("/meetings/").content.decode()
    long_ago = timezone.now() - datetime.timedelta(days=3 * 365)

    MeetingFactory(committee=board, start=long_ago)

    option = f'<option value="{long_ago.year}">'
    assert option not in first
    assert option in client.get("/meetings/").content.decode()
