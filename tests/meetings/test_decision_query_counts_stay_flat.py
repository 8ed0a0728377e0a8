"""The decisions register, a decision's page, the forward plan, their feeds and open
data files, and a meeting's page listing its decisions run the same SQL with 10
decisions as with 10,000."""

import datetime

import pytest

from meetings.models import Decision, DecisionProject, ForwardPlanEntry
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
    ForwardPlanEntryFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.meetings.test_query_counts_stay_flat import count_queries

STATUSES = [choice for choice, _ in Decision.Status.choices]


def add_decisions(count, items, fund, projects):
    decisions = Decision.objects.bulk_create(
        Decision(
            agenda_item=items[n % len(items)],
            title=f"Example decision {n}",
            resolution="RESOLVED as an example.",
            status=STATUSES[n % len(STATUSES)],
            decided_on=datetime.date(2020 + n % 7, 1 + n % 12, 1),
            live=True,
        )
        for n in range(count)
    )
    Decision.funds.through.objects.bulk_create(
        Decision.funds.through(decision=decision, fund=fund) for decision in decisions
    )
    DecisionProject.objects.bulk_create(
        DecisionProject(decision=decision, project=projects[n % len(projects)])
        for n, decision in enumerate(decisions)
    )
    ForwardPlanEntry.objects.bulk_create(
        ForwardPlanEntry(
            title=f"Planned {n}", committee=items[0].meeting.committee, live=True
        )
        for n in range(count // 10)
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_decision_pages_run_the_same_queries_at_10_and_10000_decisions(
    client, meetings_index, board_index, home_page
):
    FundingIndexPageFactory(parent=home_page)
    board = CommitteeFactory(slug="board")
    meetings = [MeetingFactory(committee=board) for _ in range(3)]
    items = [AgendaItemFactory(meeting=meeting) for meeting in meetings for _ in "ab"]
    for item in items:
        MeetingDocumentFactory(meeting=item.meeting, agenda_item=item)
    fund = FundFactory(slug="growth-deal")
    projects = [FundedProjectFactory(fund=fund) for _ in range(3)]
    decision = DecisionFactory(agenda_item=items[0], decided_on="2026-01-05")
    DecisionProjectFactory(decision=decision, project=projects[0])
    decision.rounds.add(FundRoundFactory(fund=fund))
    ForwardPlanEntryFactory(committee=board, expected_meeting=meetings[0])
    add_decisions(9, items, fund, projects)
    urls = [
        "/board/decisions/",
        "/board/decisions/?page=2",
        "/board/decisions/?committee=board&year=2026&status=approved",
        "/board/decisions/?fund=growth-deal",
        decision.url,
        projects[0].get_absolute_url(),
        "/board/decisions/feed/",
        "/board/forward-plan/",
        "/board/forward-plan/?page=2",
        "/board/forward-plan/feed/",
        "/sitemap-decisions.xml",
        "/board/decisions.json",
        "/board/decisions.csv",
        "/board/forward-plan.json",
        "/board/forward-plan.csv",
        items[0].meeting.url,
    ]
    small = {url: count_queries(client, url) for url in urls}
    assert Decision.objects.count() == 10

    add_decisions(9_990, items, fund, projects)
    assert Decision.objects.count() == 10_000
    large = {url: count_queries(client, url) for url in urls}

    assert large == small
    print("Queries per page:", small)
    assert max(small.values()) <= 15, small
