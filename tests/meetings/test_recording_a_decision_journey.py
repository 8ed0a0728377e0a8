"""A board secretary records a decision on an agenda item, linked to the funded
project it approved, and publishes it; a visitor then finds it in the decisions
register and on the project's page."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Committee, Decision
from tests.funding.factories import FundedProjectFactory
from tests.journeys import StaffBrowser, create_staff
from tests.meetings.factories import AgendaItemFactory, MeetingFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]


def test_a_secretary_records_a_decision_that_a_visitor_finds_on_the_project(
    page, browser, live_server, seeded_site, settings, django_user_model
):
    settings.PORTAL_REQUIRE_2FA = True
    create_staff(django_user_model, "sam", "Board secretaries")
    meeting = MeetingFactory(
        committee=Committee.objects.get(slug="board"),
        title="Decision Board",
        start=timezone.now() - datetime.timedelta(days=7),
    )
    item = AgendaItemFactory(meeting=meeting, number="4", title="Quayside scheme")
    project = FundedProjectFactory(title="Example quayside scheme")
    sam = StaffBrowser(page, live_server.url, "sam")

    sam.sign_in()
    sam.open_menu("Meetings", "Decisions")
    page.get_by_role("link", name="Add decision").click()
    # The agenda item is chosen in a searchable chooser, newest meeting first.
    page.get_by_role("button", name="Choose an agenda item").click()
    modal = page.locator(".modal-dialog")
    expect(modal.get_by_role("columnheader", name="Committee")).to_be_visible()
    modal.get_by_label("Search term").fill("Decision Board quayside")
    modal.get_by_role("link", name="4. Quayside scheme").click()
    expect(modal).to_be_hidden()
    expect(page.get_by_text("Decision Board: 4. Quayside scheme")).to_be_visible()
    page.locator("#id_title").fill("Example decision: quayside scheme approved")
    page.locator("#id_status").select_option("approved-with-conditions")
    page.locator("#id_resolution").fill(
        "RESOLVED to approve the scheme, subject to planning consent."
    )
    page.locator("#id_votes_for").fill("9")
    page.locator("#id_votes_against").fill("0")
    page.locator("#id_abstentions").fill("1")
    page.get_by_role("button", name="Add funded project").click()
    page.get_by_role("button", name="Choose funded project").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_label("Search term").fill("quayside")
    modal.get_by_role("link", name="Example quayside scheme").click()
    expect(modal).to_be_hidden()
    sam.screenshot("secretary-decision-form", full_page=True)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/snippets/meetings/decision/")
    # Created by the publish, or by an autosave just before it (then updated).
    expect(
        page.get_by_text(re.compile("(created|updated) and published"))
    ).to_be_visible()
    sam.screenshot("secretary-decision-published")
    decision = Decision.objects.get(title__contains="quayside")
    assert decision.live and decision.agenda_item == item
    assert [link.project for link in decision.project_links.all()] == [project]

    visitor = browser.new_page()
    visitor.goto(live_server.url + "/board/decisions/")
    register = visitor.get_by_role("table")
    expect(register).to_contain_text("Example decision: quayside scheme approved")
    expect(register).to_contain_text("Approved with conditions")
    visitor.get_by_role(
        "link", name="Example decision: quayside scheme approved"
    ).click()
    expect(visitor.get_by_text("9 for, 0 against, 1 abstained")).to_be_visible()
    visitor.get_by_role("link", name="Example quayside scheme").click()
    section = visitor.get_by_role("region", name="Board decisions")
    expect(section).to_contain_text("Example decision: quayside scheme approved")
    expect(section.get_by_role("link", name="Decision Board")).to_be_visible()
    visitor.close()
