"""A decision's agenda item is picked in a chooser that lists items newest meeting
first, a page at a time, searchable and naming each item's meeting, date and
committee; it opens only for board secretaries and stays quick at 10,000 items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    MeetingFactory,
)
from tests.meetings.test_secretaries_record_decisions import DECISIONS, login

pytestmark = pytest.mark.django_db
CHOOSE = "agenda_item_chooser:choose"
RESULTS = "agenda_item_chooser:choose_results"


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 10))


def test_the_chooser_lists_items_newest_meeting_first_with_date_and_committee(
    client, django_user_model
):
    login(client, django_user_model, "Board secretaries")
    skills = CommitteeFactory(name="Example skills sub-board")
    old = MeetingFactory(title="Example old meeting", start=at(2024, 3, 5))
    new = MeetingFactory(
        title="Example new meeting", committee=skills, start=at(2026, 6, 9)
    )
    AgendaItemFactory(meeting=old, number="1", title="Example old item")
    AgendaItemFactory(meeting=new, number="2", title="Example new item")

    page = client.get(reverse(CHOOSE)).json()["html"]

    assert page.index("Example new item") < page.index("Example old item")
    assert "Example new meeting" in page and "9 Jun 2026" in page
    assert "Example skills sub-board" in page


def test_the_chooser_searches_items_meetings_and_committees(client, django_user_model):
    login(client, django_user_model, "Board secretaries")
    skills = CommitteeFactory(name="Example skills sub-board")
    AgendaItemFactory(title="Example quayside scheme")
    AgendaItemFactory(title="Example college bid", meeting__committee=skills)
    AgendaItemFactory(title="Example roads", meeting__title="Example annual meeting")

    def found(query):
        return client.get(reverse(RESULTS), {"q": query}).content.decode()

    assert "Example quayside scheme" in found("quayside")
    assert "Example college bid" not in found("quayside")
    assert "Example college bid" in found("skills bid")
    assert "Example roads" in found("annual")
    assert "Example quayside scheme" not in found("nothing-like-this")


def test_choosing_an_item_names_its_meeting(client, django_user_model):
    login(client, django_user_model, "Board secretaries")
    item = AgendaItemFactory(
        number="4", title="Quayside scheme", meeting__title="Decision Board"
    )
    chosen = client.get(reverse("agenda_item_chooser:chosen", args=[item.pk])).json()
    assert chosen["result"]["title"] == "Decision Board: 4. Quayside scheme"


def test_a_decisions_form_shows_its_chosen_item(client, django_user_model):
    login(client, django_user_model, "Board secretaries")
    decision = DecisionFactory(
        agenda_item__number="7",
        agenda_item__title="Example skills fund",
        agenda_item__meeting__title="Example spring meeting",
    )
    AgendaItemFactory(title="Example item never chosen")

    form = client.get(reverse(f"{DECISIONS}:edit", args=[decision.pk])).content
    form = form.decode()

    assert "Example spring meeting: 7. Example skills fund" in form
    assert "Choose another agenda item" in form
    assert "Example item never chosen" not in form


@pytest.mark.parametrize("group", ["Communications", "Funding editors", "Moderators"])
def test_other_groups_cannot_open_the_chooser(client, django_user_model, group):
    login(client, django_user_model, group)
    item = AgendaItemFactory(title="Example confidential item", confidential=True)
    for url in (
        reverse(CHOOSE),
        reverse(RESULTS),
        reverse("agenda_item_chooser:chosen", args=[item.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Example confidential item" not in response.content.decode()


def add_items(count):
    committee = CommitteeFactory()
    meetings = MeetingFactory._meta.model.objects.bulk_create(
        MeetingFactory.build(committee=committee, start=at(2020, 1, 1 + n % 28))
        for n in range(count // 10)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meetings[n % len(meetings)], number=str(n), title=f"I{n}")
        for n in range(count)
    )


@pytest.mark.slow
def test_the_chooser_runs_the_same_queries_at_10_and_10000_items(
    client, django_user_model
):
    login(client, django_user_model, "Board secretaries")
    add_items(10)

    def queries(url, **params):
        client.get(url, params)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(captured)

    urls = [(reverse(CHOOSE), {}), (reverse(RESULTS), {"q": "I1", "p": "1"})]
    small = [queries(url, **params) for url, params in urls]
    add_items(9_990)
    assert AgendaItem.objects.count() == 10_000
    assert [queries(url, **params) for url, params in urls] == small
