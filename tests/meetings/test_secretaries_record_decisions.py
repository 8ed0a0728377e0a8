"""Board secretaries record decisions and keep the forward plan in the admin, with
drafts and revisions; no other group can; confidential items give their Schedule 12A
paragraph."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from meetings.models import AgendaItem, Decision, ForwardPlanEntry
from tests.funding.factories import FundedProjectFactory, FundFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
)
from tests.meetings.test_secretary_admin_screens import meeting_form

pytestmark = pytest.mark.django_db
DECISIONS = "wagtailsnippets_meetings_decision"
PLAN = "wagtailsnippets_meetings_forwardplanentry"


def login(client, django_user_model, group):
    user = django_user_model.objects.create_user(group.lower(), password="x" * 16)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def decision_form(item, **fields):
    data = {
        "agenda_item": item.pk,
        "title": "Example decision: quayside",
        "status": "approved",
        "decided_on": "",
        "resolution": "RESOLVED to approve the scheme.",
        "public_outcome": "",
        "votes_for": "",
        "votes_against": "",
        "abstentions": "",
        "conflicts_declared": "",
        "forward_plan_entry": "",
        "project_links-TOTAL_FORMS": "0",
        "project_links-INITIAL_FORMS": "0",
        "project_links-MIN_NUM_FORMS": "0",
        "project_links-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_secretary_drafts_then_publishes_a_decision_on_a_project(
    client, django_user_model, meetings_index, board_index
):
    login(client, django_user_model, "Board secretaries")
    item = AgendaItemFactory()
    project = FundedProjectFactory(title="Example quayside scheme")
    fund = FundFactory()
    data = decision_form(
        item,
        funds=[fund.pk],
        **{
            "project_links-TOTAL_FORMS": "1",
            "project_links-0-project": project.pk,
            "project_links-0-ORDER": "1",
            "project_links-0-id": "",
        },
    )

    response = client.post(reverse(f"{DECISIONS}:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = Decision.objects.get()
    assert not decision.live
    assert decision.decided_on == item.meeting.start.date()
    client.logout()
    assert client.get(f"/board/decisions/{decision.pk}/").status_code == 404

    client.force_login(django_user_model.objects.get(username="board secretaries"))
    edit = reverse(f"{DECISIONS}:edit", args=[decision.pk])
    link = decision.project_links.get()
    data.update({"project_links-INITIAL_FORMS": "1", "project_links-0-id": link.pk})
    client.post(edit, {**data, "action-publish": "action-publish"})
    decision.refresh_from_db()
    assert decision.live
    assert decision.revisions.count() == 2
    assert [link.project for link in decision.project_links.all()] == [project]
    assert list(decision.funds.all()) == [fund]
    client.logout()
    assert "Example quayside scheme" in client.get(decision.url).content.decode()


def test_a_secretary_keeps_the_forward_plan(
    client, django_user_model, meetings_index, board_index
):
    login(client, django_user_model, "Board secretaries")
    committee = CommitteeFactory()
    refused = client.post(
        reverse(f"{PLAN}:add"),
        {
            "title": "Sale of land",
            "committee": committee.pk,
            "summary": "",
            "expected_meeting": "",
            "lead_officer_name": "Example Officer",
            "lead_officer_title": "Head of Property",
            "private": "on",
            "private_paragraph": "",
            "private_reason": "",
            "action-publish": "action-publish",
        },
    )
    assert "Choose the paragraph of Schedule 12A" in refused.content.decode()
    client.post(
        reverse(f"{PLAN}:add"),
        {
            "title": "Sale of land",
            "committee": committee.pk,
            "summary": "",
            "expected_meeting": "",
            "lead_officer_name": "Example Officer",
            "lead_officer_title": "Head of Property",
            "private": "on",
            "private_paragraph": "3",
            "private_reason": "Land values",
            "action-publish": "action-publish",
        },
    )
    assert ForwardPlanEntry.objects.get().live
    client.logout()
    page = client.get("/board/forward-plan/").content.decode()
    assert "Sale of land" in page
    assert "Example Officer, Head of Property" in page
    assert "Exempt under paragraph 3 of Schedule 12A" in page
    assert "Land values." in page


@pytest.mark.parametrize("group", ["Communications", "Funding editors"])
def test_other_groups_cannot_record_decisions(client, django_user_model, group):
    login(client, django_user_model, group)
    decision = DecisionFactory()
    for url in (
        reverse(f"{DECISIONS}:list"),
        reverse(f"{DECISIONS}:add"),
        reverse(f"{DECISIONS}:edit", args=[decision.pk]),
        reverse(f"{PLAN}:list"),
        reverse(f"{PLAN}:add"),
    ):
        assert client.get(url).status_code in (302, 403), url


def test_a_confidential_item_takes_its_reason_from_schedule_12a(
    client, django_user_model, meetings_index, board_index
):
    login(client, django_user_model, "Board secretaries")
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    edit = reverse("wagtailsnippets_meetings_meeting:edit", args=[meeting.pk])
    item = {
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-0-id": "",
        "agenda_items-0-ORDER": "1",
        "agenda_items-0-number": "1",
        "agenda_items-0-title": "Staffing",
        "agenda_items-0-confidential": "on",
        "agenda_items-0-confidential_reason": "",
    }
    refused = client.post(edit, meeting_form(meeting.committee, **item))
    assert "Choose the paragraph of Schedule 12A" in refused.content.decode()

    item["agenda_items-0-confidential_paragraph"] = "1"
    item["action-publish"] = "action-publish"
    response = client.post(edit, meeting_form(meeting.committee, **item))
    assert response.status_code == 302
    assert AgendaItem.objects.get().confidential_paragraph == 1
    client.logout()
    page = client.get(meeting.url).content.decode()
    assert (
        "Exempt under paragraph 1 of Schedule 12A: Information relating to any "
        "individual." in page
    )


def test_a_reason_given_before_the_paragraphs_still_shows(
    client, meetings_index, board_index
):
    item = AgendaItemFactory(confidential=True, confidential_reason="Commercial")
    assert (
        "Confidential:</strong> Commercial."
        in client.get(item.meeting.url).content.decode()
    )


def test_the_same_project_twice_is_refused_with_a_message_not_an_error_page(
    client, django_user_model, meetings_index, board_index
):
    login(client, django_user_model, "Board secretaries")
    project = FundedProjectFactory()
    twice = {
        "project_links-TOTAL_FORMS": "2",
        **{
            f"project_links-{n}-{field}": value
            for n in (0, 1)
            for field, value in (("project", project.pk), ("ORDER", n), ("id", ""))
        },
    }
    response = client.post(
        reverse(f"{DECISIONS}:add"), decision_form(AgendaItemFactory(), **twice)
    )
    assert response.status_code == 200
    assert "Please correct the duplicate data for decision and project" in (
        response.content.decode()
    )
    assert not Decision.objects.exists()


def test_a_second_post_of_a_new_decision_form_edits_the_first(
    client, django_user_model
):
    import re

    login(client, django_user_model, "Board secretaries")
    page = client.get(reverse(f"{DECISIONS}:add")).content.decode()
    key = re.search(r'name="creation_key" value="([^"]+)"', page).group(1)
    data = decision_form(AgendaItemFactory(), creation_key=key)
    client.post(reverse(f"{DECISIONS}:add"), data)
    client.post(reverse(f"{DECISIONS}:add"), {**data, "title": "Example: retitled"})
    assert list(Decision.objects.values_list("title", flat=True)) == [
        "Example: retitled"
    ]


def test_drafts_of_decisions_and_plan_entries_preview_under_the_board_page(
    meetings_index,
    board_index,
):
    from tests.meetings.factories import ForwardPlanEntryFactory

    decision = DecisionFactory(live=False, title="Example decision: previewed")
    entry = ForwardPlanEntryFactory(live=False, title="Example plan: previewed")
    for record, title in ((decision, "previewed"), (entry, "previewed")):
        response = record.make_preview_request()
        response.render()
        assert response.status_code == 200
        assert title in response.content.decode()
        assert "Preview:" in response.content.decode()
