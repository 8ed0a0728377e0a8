"""A funded project's page shows the public Board decisions that approved or changed
it, with their meetings and papers."""

import pytest

from tests.funding.factories import FundedProjectFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    BoardIndexPageFactory,
    DecisionFactory,
    DecisionProjectFactory,
    MeetingDocumentFactory,
    MeetingIndexPageFactory,
)

pytestmark = pytest.mark.django_db


def test_a_funded_projects_page_shows_the_decisions_that_approved_it(
    client, funding_page, home_page
):
    MeetingIndexPageFactory(parent=home_page)
    BoardIndexPageFactory(parent=home_page)
    project = FundedProjectFactory()
    item = AgendaItemFactory()
    paper = MeetingDocumentFactory(
        meeting=item.meeting, agenda_item=item, title="Business case"
    )
    decision = DecisionFactory(agenda_item=item, title="Example decision: approve")
    DecisionProjectFactory(decision=decision, project=project)
    draft = DecisionFactory(title="Example decision: draft", live=False)
    DecisionProjectFactory(decision=draft, project=project)

    page = client.get(project.get_absolute_url()).content.decode()

    assert "Board decisions" in page
    assert "Example decision: approve" in page
    assert f'href="/board/decisions/{decision.pk}/"' in page
    assert item.meeting.get_url() in page
    assert paper.get_url() in page
    assert "Example decision: draft" not in page


def test_a_project_with_no_decisions_has_no_board_decisions_section(
    client, funding_page, home_page
):
    MeetingIndexPageFactory(parent=home_page)
    project = FundedProjectFactory()
    assert (
        "Board decisions" not in client.get(project.get_absolute_url()).content.decode()
    )


def test_a_decision_on_an_unpublished_meeting_is_not_shown(
    client, funding_page, home_page
):
    MeetingIndexPageFactory(parent=home_page)
    project = FundedProjectFactory()
    decision = DecisionFactory(
        title="Example decision: hidden meeting", agenda_item__meeting__live=False
    )
    DecisionProjectFactory(decision=decision, project=project)
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Example decision: hidden meeting" not in page
