"""Meeting lists are kept under the content version: each change, and each meeting
starting or ending, shows on the next view, and each filter keeps its own list."""

import datetime

import pytest
from django.utils import timezone

from tests.meetings.factories import CommitteeFactory, MeetingFactory

# Meetings are placed relative to now, so the clock stands still while a test runs.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

HOUR = datetime.timedelta(hours=1)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_meeting_published_after_a_render_is_listed_on_the_next_view(
    client, meetings_index
):
    board = CommitteeFactory(name="Board", slug="board")
    MeetingFactory(committee=board, title="Already listed")
    urls = ["/meetings/", "/meetings/board/", "/meetings/?committee=board"]
    for url in urls:
        assert "Already listed" in html(client, url)

    draft = MeetingFactory(committee=board, title="Published later", live=False)
    draft.save_revision().publish()

    for url in urls:
        assert "Published later" in html(client, url)


def test_a_renamed_meeting_shows_its_new_title_in_the_lists(client, meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"), title="Old")
    assert "Old" in html(client, "/meetings/board/")

    meeting.title = "New title"
    meeting.save_revision().publish()

    assert "New title" in html(client, "/meetings/board/")


def test_a_meeting_moves_from_upcoming_to_past_when_it_ends(
    client, meetings_index, clock
):
    now = timezone.now()
    board = CommitteeFactory(slug="board")
    MeetingFactory(
        committee=board,
        title="This afternoon",
        start=now + HOUR,
        end=now + 3 * HOUR,
        status="scheduled",
    )
    before = html(client, "/meetings/")
    assert before.index("This afternoon") < before.index("Past meetings")

    clock.shift(4 * HOUR)
    after = html(client, "/meetings/")

    assert "Upcoming meetings" not in after
    assert after.index("Past meetings") < after.index("This afternoon")


def test_each_committee_and_year_keeps_its_own_list(client, meetings_index):
    now = timezone.now()
    board, sub_board = CommitteeFactory(slug="board"), CommitteeFactory(slug="sub")
    MeetingFactory(
        committee=board, title="Alpha gathering", start=now - 400 * 24 * HOUR
    )
    MeetingFactory(committee=sub_board, title="Beta gathering")
    last_year = (now - 400 * 24 * HOUR).year

    pages = {
        "/meetings/board/": ("Alpha gathering", "Beta gathering"),
        "/meetings/sub/": ("Beta gathering", "Alpha gathering"),
        f"/meetings/?year={last_year}": ("Alpha gathering", "Beta gathering"),
        f"/meetings/sub/?year={last_year}": ("No past meetings", "Alpha gathering"),
    }
    for _ in range(2):  # the second time from the kept lists
        for url, (shown, hidden) in pages.items():
            page = html(client, url)
            assert shown in page and hidden not in page, url
