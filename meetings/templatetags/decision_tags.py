from django import template

from meetings import decision_queries
from portal.caching.routing import route_url

register = template.Library()


@register.simple_tag
def board_route(name, *args):
    """The address of the Board page's route ``name`` ('' with no public Board
    page), for pages elsewhere that link to the register or the plan."""
    return route_url(decision_queries.BOARD_PAGE, name, *args)


@register.inclusion_tag("meetings/decisions/includes/project_decisions.html")
def board_decisions(project):
    """The public Board decisions that approved or changed ``project``, with their
    meetings and public papers."""
    base = decision_queries.meetings_url()
    if not base or not decision_queries.board_url():
        return {"decisions": []}
    decisions = decision_queries.with_addresses(decision_queries.for_project(project))
    for decision in decisions:
        decision.papers = [
            (document, document.get_url(base))
            for document in decision.agenda_item.public_papers
        ]
    return {"decisions": decisions}
