from django import template

from meetings import decision_queries
from meetings.models.pages import MeetingIndexPage

register = template.Library()


@register.inclusion_tag("meetings/decisions/includes/project_decisions.html")
def board_decisions(project):
    """The public Board decisions that approved or changed ``project``, with their
    meetings and public papers."""
    base = MeetingIndexPage.public_url()
    if not base:
        return {"decisions": []}
    decisions = decision_queries.for_project(project)
    for decision in decisions:
        meeting = decision.agenda_item.meeting
        decision.page_url = decision.get_url(base)
        decision.meeting_url = meeting.get_url(base)
        decision.papers = [
            (document, document.get_url(base))
            for document in decision.agenda_item.public_papers
        ]
    return {"decisions": decisions}
