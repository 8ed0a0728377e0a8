from meetings.models import AgendaItem
from tests.meetings.factories import (
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)


def test_a_published_meeting_is_found_by_its_agenda(client, meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"), live=False)
    meeting.agenda_items.add(AgendaItem(number="1", title="Offshore hydrogen hub"))
    meeting.save_revision().publish()

    html = client.get("/search/", {"q": "hydrogen"}).content.decode()

    assert meeting.display_title in html
    assert f'href="{meeting.url}"' in html


def test_a_paper_is_found_by_its_text_with_the_passage_shown(client, meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    paper = MeetingDocumentFactory(
        meeting=meeting,
        title="Skills paper",
        text="The programme trained apprentices in welding across the region.",
    )

    html = client.get("/search/", {"q": "welding"}).content.decode()

    assert "Skills paper (Paper)" in html
    assert "<mark>welding</mark>" in html
    assert f'href="{paper.url}"' in html
