"""Each role is offered only what it may use, and choosers show meetings and papers
only to those who work on them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from meetings.models import Meeting, MeetingDocument
from strategy.models import StrategyPage

pytestmark = pytest.mark.django_db

OUTSIDE_MEETINGS = ["Communications", "Moderators", "Funding editors"]


def signed_in(client, group_name):
    user = get_user_model().objects.create_user(group_name.replace(" ", "-"))
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


def chooser_urls():
    paper = MeetingDocument.objects.order_by("pk").first()
    return [
        "/admin/snippets/choose/meetings/meeting/",
        "/admin/snippets/choose/meetings/meeting/results/?q=board",
        "/admin/snippets/choose/meetings/meetingdocument/",
        "/admin/snippets/choose/meetings/meetingdocument/results/?q=report",
        f"/admin/snippets/choose/meetings/meetingdocument/chosen/{paper.pk}/",
        f"/admin/snippets/choose/meetings/meeting/chosen/{Meeting.objects.first().pk}/",
    ]


@pytest.mark.parametrize("group_name", OUTSIDE_MEETINGS)
def test_meeting_and_paper_choosers_are_refused_outside_meetings(
    client, seeded_site, group_name
):
    signed_in(client, group_name)
    for url in chooser_urls():
        # The chooser's modal asks as XMLHttpRequest; a typed address is sent to
        # the dashboard with Wagtail's "no permission" message.
        asked_by_modal = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
        assert asked_by_modal.status_code == 403, url
        assert client.get(url).status_code == 302, url


def test_the_board_secretary_can_choose_meetings_and_papers(client, seeded_site):
    signed_in(client, "Board secretaries")
    for url in chooser_urls():
        assert client.get(url).status_code == 200, url


def bulk_publish_offered(client):
    strategy = StrategyPage.objects.get()
    page = client.get(f"/admin/pages/{strategy.pk}/").content.decode()
    return "Publish selected pages" in page, "Unpublish selected pages" in page


def test_communications_is_not_offered_bulk_publishing_it_may_not_do(
    client, seeded_site
):
    signed_in(client, "Communications")
    assert bulk_publish_offered(client) == (False, False)


def test_moderators_are_offered_bulk_publishing(client, seeded_site):
    signed_in(client, "Moderators")
    assert bulk_publish_offered(client) == (True, True)


@pytest.mark.parametrize(
    "group_name, offered",
    [
        ("Board secretaries", False),
        ("Funding editors", False),
        ("Communications", True),
        ("Moderators", True),
    ],
)
def test_the_dashboard_offers_page_search_only_to_those_who_work_on_pages(
    client, seeded_site, group_name, offered
):
    signed_in(client, group_name)
    dashboard = client.get("/admin/").content.decode()
    assert ("Search all pages" in dashboard) is offered
