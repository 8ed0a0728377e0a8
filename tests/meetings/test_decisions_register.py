"""The public decisions register: what visitors see of decisions and the money they
concern, and what they never see."""

import pytest

from meetings.models import Decision
from tests.funding.factories import (
    FundedProjectFactory,
    FundFactory,
    FundingIndexPageFactory,
    FundRoundFactory,
)
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    DecisionProjectFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def test_a_decision_page_shows_its_resolution_meeting_papers_and_projects(
    client, meetings_index, board_index, home_page
):
    FundingIndexPageFactory(parent=home_page)
    item = AgendaItemFactory(title="Growth Deal changes")
    paper = MeetingDocumentFactory(
        meeting=item.meeting, agenda_item=item, title="Growth Deal report"
    )
    project = FundedProjectFactory(title="Example quayside scheme")
    decision = DecisionFactory(
        agenda_item=item,
        title="Example decision: quayside scheme",
        resolution="RESOLVED to approve the change request.",
        votes_for=9,
        votes_against=1,
        abstentions=0,
        conflicts_declared="Example Member declared an interest as a director.",
    )
    DecisionProjectFactory(decision=decision, project=project)

    page = client.get(decision.url).content.decode()

    assert "Example decision: quayside scheme" in page
    assert "RESOLVED to approve the change request." in page
    assert "9 for, 1 against, 0 abstained" in page
    assert "declared an interest as a director" in page
    assert item.meeting.get_url() in page
    assert paper.get_url() in page
    assert project.get_absolute_url() in page


def test_a_confidential_decision_shows_only_its_public_outcome(
    client, meetings_index, board_index
):
    item = AgendaItemFactory(
        confidential=True, confidential_paragraph=3, confidential_reason=""
    )
    paper = MeetingDocumentFactory(meeting=item.meeting, agenda_item=item)
    decision = DecisionFactory(
        agenda_item=item,
        resolution="Secret tender price of £1,234,567 accepted.",
        public_outcome="The Board chose a contractor; the contract will be published.",
    )

    page = client.get(decision.url).content.decode()

    assert "The Board chose a contractor" in page
    assert "Secret tender price" not in page
    assert paper.get_url() not in page
    assert (
        "Exempt under paragraph 3 of Schedule 12A: Information relating to the "
        "financial or business affairs of any particular person (including the "
        "authority holding that information)." in page
    )


def test_a_confidential_decision_needs_a_public_outcome():
    item = AgendaItemFactory(confidential=True, confidential_paragraph=1)
    decision = Decision(
        agenda_item=item, title="Staffing", resolution="Secret", status="approved"
    )
    with pytest.raises(Exception) as error:
        decision.full_clean()
    assert "public_outcome" in error.value.message_dict


def test_a_decision_takes_its_meetings_date_when_none_is_given():
    item = AgendaItemFactory()
    decision = DecisionFactory(agenda_item=item, decided_on=None)
    assert decision.decided_on == item.meeting.start.date()


def test_the_register_filters_by_committee_year_status_and_fund(
    client, meetings_index, board_index
):
    board = CommitteeFactory(name="The Board", slug="board")
    other = CommitteeFactory(name="Investment Panel", slug="investment-panel")
    fund = FundFactory(name="Growth Deal", slug="growth-deal")
    by_round = DecisionFactory(
        title="Round decision",
        agenda_item=AgendaItemFactory(meeting=MeetingFactory(committee=board)),
        decided_on="2026-03-04",
    )
    by_round.rounds.add(FundRoundFactory(fund=fund))
    by_round.save()
    by_project = DecisionFactory(
        title="Project decision",
        agenda_item=AgendaItemFactory(meeting=MeetingFactory(committee=other)),
        decided_on="2025-06-01",
        status=Decision.Status.DEFERRED,
    )
    DecisionProjectFactory(decision=by_project, project=FundedProjectFactory(fund=fund))
    DecisionFactory(title="Unrelated decision", decided_on="2026-01-05")

    def titles(query):
        page = client.get("/board/decisions/" + query).content.decode()
        return {
            title
            for title in ("Round decision", "Project decision", "Unrelated decision")
            if title in page
        }

    assert titles("") == {"Round decision", "Project decision", "Unrelated decision"}
    assert titles("?committee=board") == {"Round decision"}
    assert titles("?year=2025") == {"Project decision"}
    assert titles("?status=deferred") == {"Project decision"}
    assert titles("?fund=growth-deal") == {"Round decision", "Project decision"}


def test_a_bad_filter_value_is_ignored_with_a_message(
    client, meetings_index, board_index
):
    DecisionFactory(title="Shown anyway")
    page = client.get("/board/decisions/?status=sideways&year=<b>").content.decode()
    assert "Shown anyway" in page
    assert "That is not a decision&#x27;s status" in page
    assert "The year must be four digits" in page


def test_the_register_pages_through_decisions(client, meetings_index, board_index):
    item = AgendaItemFactory()
    for n in range(30):
        DecisionFactory(agenda_item=item, title=f"Numbered decision {n:02}")
    first = client.get("/board/decisions/").content.decode()
    second = client.get("/board/decisions/?page=2").content.decode()
    assert "Page 1 of 2" in first
    assert "30 decisions found" in first
    assert second.count("Numbered decision") == 5


def test_the_meetings_page_links_to_the_register_and_the_forward_plan(
    client, meetings_index, board_index
):
    page = client.get("/meetings/").content.decode()
    assert 'href="/board/decisions/"' in page
    assert 'href="/board/forward-plan/"' in page


def test_a_committee_cannot_take_the_registers_address():
    from django.core.exceptions import ValidationError

    from meetings.models import Committee

    for slug in ("decisions", "forward-plan"):
        with pytest.raises(ValidationError):
            Committee(name=slug, slug=slug).full_clean()


def test_the_registers_first_addresses_redirect_permanently_to_the_board_page(
    client, meetings_index, board_index
):
    decision = DecisionFactory()
    moved = {
        "/meetings/decisions/": "/board/decisions/",
        "/meetings/decisions/?status=approved&page=2": (
            "/board/decisions/?status=approved&page=2"
        ),
        f"/meetings/decisions/{decision.pk}/": f"/board/decisions/{decision.pk}/",
        "/meetings/decisions/feed/": "/board/decisions/feed/",
        "/meetings/forward-plan/": "/board/forward-plan/",
        "/meetings/forward-plan/feed/": "/board/forward-plan/feed/",
        "/meetings/decisions.json": "/board/decisions.json",
        "/meetings/decisions.csv": "/board/decisions.csv",
        "/meetings/forward-plan.json": "/board/forward-plan.json",
        "/meetings/forward-plan.csv": "/board/forward-plan.csv",
    }
    for old, new in moved.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
        assert client.get(new).status_code == 200, new


def test_the_registers_first_addresses_are_not_found_without_a_board_page(
    client, meetings_index
):
    assert client.get("/meetings/decisions/").status_code == 404
    assert client.get("/board/decisions/").status_code == 404


def test_the_board_page_links_to_the_register_and_the_forward_plan(client, board_index):
    page = client.get("/board/").content.decode()
    assert 'href="/board/decisions/"' in page
    assert 'href="/board/forward-plan/"' in page
