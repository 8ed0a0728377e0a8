from meetings.models import AgendaItem
from tests.meetings.factories import MeetingDocumentFactory, MeetingFactory


def test_editors_preview_a_draft_meeting_with_its_unpublished_papers(
    rf, admin_user, meetings_index
):
    meeting = MeetingFactory(title="Draft meeting", live=False)
    meeting.agenda_items.add(AgendaItem(number="1", title="Budget"))
    MeetingDocumentFactory(
        meeting=meeting, title="Budget paper", publication="unpublished"
    )
    request = rf.get("/")
    request.user = admin_user

    response = meeting.serve_preview(request, meeting.default_preview_mode)
    html = response.render().content.decode()

    assert "Preview: the public sees only" in html
    assert "Draft meeting" in html and "Budget" in html and "Budget paper" in html
