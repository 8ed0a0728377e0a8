"""A meeting's page lists the public decisions taken on each agenda item, with their
status, resolution, page and funded projects."""

import pytest

from tests.funding.factories import FundedProjectFactory, FundingIndexPageFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    DecisionFactory,
    DecisionProjectFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def agenda_item_html(page, title):
    """The part of the meeting page for the agenda item called ``title``."""
    start = page.index(title)
    end = page.find('<li class="agenda__item', start)
    return page[start : end if end != -1 else None]


def test_each_agenda_item_lists_its_public_decisions_and_their_projects(
    client, meetings_index, board_index, home_page
):
    FundingIndexPageFactory(parent=home_page)
    meeting = MeetingFactory()
    first = AgendaItemFactory(meeting=meeting, title="Example growth item")
    second = AgendaItemFactory(meeting=meeting, title="Example skills item")
    decision = DecisionFactory(
        agenda_item=first,
        title="Example decision: approve the quayside scheme",
        resolution="RESOLVED to approve the quayside scheme.",
    )
    project = FundedProjectFactory(title="Example quayside scheme")
    hidden_project = FundedProjectFactory(title="Example hidden project", live=False)
    DecisionProjectFactory(decision=decision, project=project)
    DecisionProjectFactory(decision=decision, project=hidden_project)
    DecisionFactory(
        agenda_item=second,
        title="Example decision: defer",
        status="deferred",
        resolution="RESOLVED to defer.",
    )
    DecisionFactory(agenda_item=first, title="Example draft decision", live=False)

    page = client.get(meeting.url).content.decode()

    growth = agenda_item_html(page, "Example growth item")
    assert "Example decision: approve the quayside scheme" in growth
    assert f'href="/board/decisions/{decision.pk}/"' in growth
    assert "Approved" in growth
    assert "RESOLVED to approve the quayside scheme." in growth
    assert f'href="{project.get_absolute_url()}"' in growth
    assert "Example decision: defer" not in growth
    skills = agenda_item_html(page, "Example skills item")
    assert "Example decision: defer" in skills and "Deferred" in skills
    assert "Example draft decision" not in page
    assert "Example hidden project" not in page


def test_a_confidential_items_decision_shows_only_its_public_outcome(
    client, meetings_index, board_index
):
    item = AgendaItemFactory(
        confidential=True, confidential_paragraph=3, confidential_reason=""
    )
    DecisionFactory(
        agenda_item=item,
        title="Example land decision",
        resolution="Secretresolution: the price agreed.",
        public_outcome="The Board agreed to buy the land.",
    )

    page = client.get(item.meeting.url).content.decode()

    assert "Example land decision" in page
    assert "The Board agreed to buy the land." in page
    assert "Secretresolution" not in page
