"""The decisions register and forward plan as open data and RSS: valid against the
schemas kept in the repository, with stable identifiers, usable from other sites."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

from meetings.models import ForwardPlanEntry
from tests.funding.factories import (
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    DecisionProjectFactory,
    ForwardPlanEntryFactory,
    MeetingFactory,
)
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db

SCHEMAS = Path(settings.BASE_DIR) / "meetings" / "schemas"


def content(response):
    return b"".join(response.streaming_content).decode()


def validate(data, name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []


@pytest.fixture
def recorded(meetings_index, board_index):
    board = CommitteeFactory(slug="board")
    meeting = MeetingFactory(committee=board)
    fund = FundFactory(slug="growth-deal")
    project = FundedProjectFactory(identifier="gd-001", fund=fund)
    plan = ForwardPlanEntryFactory(committee=board, title="Planned and decided")
    decision = DecisionFactory(
        agenda_item=AgendaItemFactory(meeting=meeting, number="4"),
        title="Example decision: quayside",
        votes_for=8,
        forward_plan_entry=plan,
    )
    decision.funds.add(fund)
    decision.save()
    DecisionProjectFactory(decision=decision, project=project)
    confidential = DecisionFactory(
        agenda_item=AgendaItemFactory(
            meeting=meeting,
            confidential=True,
            confidential_paragraph=3,
            confidential_reason="Tender prices",
        ),
        resolution="Secret price",
        public_outcome="A contractor was chosen.",
    )
    ForwardPlanEntryFactory(
        committee=board,
        title="Private plan",
        expected_meeting=meeting,
        private=True,
        private_paragraph=5,
    )
    return decision, confidential, plan


def test_decisions_json_validates_and_names_what_each_concerns(client, recorded):
    decision, confidential, plan = recorded
    response = client.get("/board/decisions.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(content(response))
    validate(data, "decisions")
    by_id = {row["id"]: row for row in data["decisions"]}
    row = by_id[f"decision-{decision.pk}"]
    assert row["url"] == f"http://testserver/board/decisions/{decision.pk}/"
    assert row["funds"] == ["growth-deal"]
    assert row["projects"] == ["gd-001"]
    assert row["votes"] == {"for": 8, "against": None, "abstained": None}
    assert row["forwardPlanEntry"] == f"forward-plan-{plan.pk}"
    private = by_id[f"decision-{confidential.pk}"]
    assert private["text"] == "A contractor was chosen."
    assert private["agendaItem"]["exempt"].startswith(
        "Exempt under paragraph 3 of Schedule 12A"
    )
    assert "Secret price" not in json.dumps(data)


def test_each_decision_in_the_files_names_only_its_own_public_links(
    client, meetings_index, board_index
):
    fund = FundFactory(slug="example-fund")
    hidden_fund = FundFactory(slug="example-hidden-fund", live=False)
    first, draft, second = (
        DecisionFactory(),
        DecisionFactory(live=False),
        DecisionFactory(),
    )
    for decision in (first, draft, second):
        decision.funds.add(fund, hidden_fund)
    first.rounds.add(FundRoundFactory(fund=fund, identifier="round-b"))
    first.rounds.add(FundRoundFactory(fund=fund, identifier="round-a"))
    second.rounds.add(FundRoundFactory(fund=fund, identifier="round-c"))
    for decision in (first, draft, second):
        decision.save()  # parental links are written on save
    for n, decision in enumerate((first, draft, second)):
        DecisionProjectFactory(
            decision=decision, project=FundedProjectFactory(identifier=f"p-{n}")
        )
    DecisionProjectFactory(
        decision=second,
        project=FundedProjectFactory(identifier="p-hidden", live=False),
    )

    data = json.loads(content(client.get("/board/decisions.json")))
    rows = {row["id"]: row for row in data["decisions"]}
    csv_rows = {
        row["id"]: row
        for row in csv.DictReader(
            io.StringIO(content(client.get("/board/decisions.csv")))
        )
    }

    assert set(rows) == {f"decision-{first.pk}", f"decision-{second.pk}"}
    one, two = rows[f"decision-{first.pk}"], rows[f"decision-{second.pk}"]
    assert (one["funds"], one["rounds"], one["projects"]) == (
        ["example-fund"],
        ["round-a", "round-b"],
        ["p-0"],
    )
    assert (two["funds"], two["rounds"], two["projects"]) == (
        ["example-fund"],
        ["round-c"],
        ["p-2"],
    )
    assert csv_rows[f"decision-{first.pk}"]["rounds"] == "round-a;round-b"


def test_decisions_csv_has_one_row_per_decision(client, recorded):
    decision, confidential, plan = recorded
    response = client.get("/board/decisions.csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = list(csv.DictReader(io.StringIO(content(response))))
    assert [row["id"] for row in rows] == [
        f"decision-{decision.pk}",
        f"decision-{confidential.pk}",
    ]
    assert rows[0]["projects"] == "gd-001"
    assert "Secret price" not in str(rows)


def test_a_decided_entry_leaves_the_forward_plan_files(client, recorded):
    decision, confidential, plan = recorded
    response = client.get("/board/forward-plan.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(content(response))
    validate(data, "forward-plan")
    titles = [entry["title"] for entry in data["entries"]]
    assert titles == ["Private plan"]
    assert data["entries"][0]["schedule12aParagraph"] == 5
    rows = list(
        csv.DictReader(io.StringIO(content(client.get("/board/forward-plan.csv"))))
    )
    assert [row["title"] for row in rows] == ["Private plan"]
    assert (
        "Planned and decided" not in client.get("/board/forward-plan/").content.decode()
    )


def test_an_entry_stays_on_the_plan_while_its_decision_is_a_draft(client, recorded):
    decision, confidential, plan = recorded
    decision.live = False
    decision.save()
    assert "Planned and decided" in client.get("/board/forward-plan/").content.decode()


def test_rss_feeds_of_decisions_and_the_forward_plan(client, recorded):
    decision, confidential, plan = recorded
    feed = client.get("/board/decisions/feed/").content.decode()
    assert "Example decision: quayside" in feed
    assert f"decision-{decision.pk}" in feed
    assert "A contractor was chosen." in feed and "Secret price" not in feed
    plan_feed = client.get("/board/forward-plan/feed/").content.decode()
    assert "Private plan" in plan_feed
    assert "Exempt under paragraph 5 of Schedule 12A" in plan_feed
    assert "Planned and decided" not in plan_feed


def test_public_decisions_are_in_the_sitemap_and_site_search(client, recorded):
    decision, confidential, plan = recorded
    sitemap = sitemap_text(client)
    assert f"/board/decisions/{decision.pk}/" in sitemap
    results = client.get("/search/", {"q": "quayside"}).content.decode()
    assert "Example decision: quayside" in results
    assert (
        "Secret price" not in client.get("/search/", {"q": "secret"}).content.decode()
    )


def test_the_forward_plan_is_in_site_search_until_decided(client, recorded):
    decision, confidential, plan = recorded
    private = ForwardPlanEntry.objects.get(title="Private plan")
    ForwardPlanEntryFactory(
        committee=private.committee, title="Draft plan entry", live=False
    )

    results = client.get("/search/", {"q": "plan"}).content.decode()

    assert "Private plan" in results
    assert f"/board/forward-plan/#forward-plan-{private.pk}" in results
    assert "Planned and decided" not in results
    assert "Draft plan entry" not in results
