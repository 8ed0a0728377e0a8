"""A visitor asks for a paper in another format from the meeting page, in Chromium;
the board secretary signs in, finds the request on the dashboard with its deadline,
and marks it done."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.format_requests import due_on
from meetings.models import FormatRequest
from tests.accessibility import axe_violations
from tests.journeys import StaffBrowser, create_staff
from tests.meetings.factories import MeetingDocumentFactory, held_board_meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]


def test_a_visitor_asks_for_another_format_and_the_secretary_answers_it(
    page, browser, live_server, seeded_site, settings, django_user_model
):
    settings.PORTAL_REQUIRE_2FA = True
    create_staff(django_user_model, "sam", "Board secretaries")
    meeting = held_board_meeting("Journey Board")
    MeetingDocumentFactory(meeting=meeting, title="Skills plan paper")

    visitor = browser.new_page()
    visitor.goto(live_server.url + meeting.url)
    visitor.get_by_role(
        "link", name="I need this in another format for Skills plan paper"
    ).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Ask for this paper in another format"
    )
    expect(visitor.locator("main")).to_contain_text("Skills plan paper")
    assert axe_violations(visitor) == []
    visitor.get_by_role("button", name="Send request").click()
    expect(visitor.get_by_role("alert")).to_contain_text("Choose the format you need.")
    assert FormatRequest.objects.count() == 0
    visitor.get_by_label("Which format do you need?").select_option(label="Easy read")
    visitor.get_by_label("Your name").fill("Example visitor")
    visitor.get_by_label("Your email address").fill("visitor@example.net")
    visitor.get_by_role("button", name="Send request").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("We have your request")
    deadline = due_on(timezone.now(), 15)
    day = f"{deadline.day} {deadline:%B %Y}"
    expect(visitor.locator("main")).to_contain_text(day)
    assert axe_violations(visitor) == []
    visitor.close()

    sam = StaffBrowser(page, live_server.url, "sam")
    sam.sign_in()
    panel = page.locator("section", has_text="Requests for another format")
    expect(panel).to_contain_text("Skills plan paper")
    expect(panel).to_contain_text("Easy read")
    expect(panel).to_contain_text(day)
    expect(panel).to_contain_text("No address is set for these requests")
    sam.screenshot("secretary-format-request-dashboard")
    panel.get_by_role("link", name="Skills plan paper").click()
    expect(page.locator("main")).to_contain_text("Example visitor")
    page.locator("#id_status").select_option(label="Done")
    page.locator("#id_response_note").fill("Sent an easy read version by email.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("updated")).to_be_visible()

    sam.go("/admin/")
    expect(panel).to_contain_text("No requests are waiting for an answer.")
    made = FormatRequest.objects.get()
    assert made.status == FormatRequest.Status.DONE
    assert made.done_by.username == "sam"
