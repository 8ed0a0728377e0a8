"""A board secretary records who came to a meeting and an interest declared at it, in
Chromium; an anonymous visitor then finds both on the meeting's page and the
member's."""

import pytest
from playwright.sync_api import expect

from meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Person,
)
from tests.accessibility import axe_violations
from tests.journeys import StaffBrowser, create_staff
from tests.meetings.factories import held_board_meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]
NATURE = "A relative works for the applicant"


def test_a_secretary_records_attendance_and_a_declaration_that_visitors_see(
    page, browser, live_server, seeded_site, settings, django_user_model
):
    settings.PORTAL_REQUIRE_2FA = True
    create_staff(django_user_model, "sam", "Board secretaries")
    meeting = held_board_meeting("Journey Board")
    AgendaItem.objects.create(
        meeting=meeting, number="7", title="Growth grant", sort_order=0
    )
    member = Person.objects.get(name="Example member 4")
    sam = StaffBrowser(page, live_server.url, "sam")
    sam.sign_in()

    sam.open_menu("Board", "Attendance")
    page.get_by_role("link", name="Add attendance record").click()
    page.locator("#id_meeting").select_option(label="Journey Board")
    page.locator("#id_person").select_option(label="Example member 4")
    page.locator("#id_status").select_option(label="Present")
    sam.screenshot("secretary-attendance-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("created")).to_be_visible()
    page.get_by_role("link", name="Add attendance record").click()
    page.locator("#id_meeting").select_option(label="Journey Board")
    page.locator("#id_person").select_option(label="Example member 5")
    page.locator("#id_status").select_option(label="Apologies")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("created")).to_be_visible()
    sam.screenshot("secretary-attendance-list")
    assert Attendance.objects.filter(meeting=meeting).count() == 2

    sam.open_menu("Board", "Declarations")
    page.get_by_role("link", name="Add declaration of interest").click()
    page.locator("#id_agenda_item").select_option(
        label="Journey Board: 7. Growth grant"
    )
    page.locator("#id_person").select_option(label="Example member 4")
    page.locator("#id_nature").fill(NATURE)
    page.locator("#id_action").fill("Left the room for this item")
    sam.screenshot("secretary-attendance-declaration")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("created")).to_be_visible()
    assert Declaration.objects.get(nature=NATURE).interest is None

    sam.go("/admin/")
    panel = page.locator("section", has_text="Declarations not yet on a register")
    expect(panel).to_contain_text(NATURE)
    expect(panel).to_contain_text("Update Example member 4's register")
    sam.screenshot("secretary-attendance-dashboard")

    visitor = browser.new_page()
    visitor.goto(live_server.url + meeting.url)
    attendance = visitor.locator("section", has_text="Who attended this meeting")
    expect(attendance).to_contain_text("Example member 4")
    expect(attendance).to_contain_text("Present")
    expect(attendance).to_contain_text("Apologies")
    expect(visitor.locator(".agenda")).to_contain_text(NATURE)
    expect(visitor.locator(".agenda")).to_contain_text("not yet on the register")
    assert axe_violations(visitor) == []
    visitor.get_by_role("link", name="Example member 4").first.click()
    expect(visitor.get_by_role("heading", name="Example member 4")).to_be_visible()
    expect(visitor.locator("main")).to_contain_text(NATURE)
    expect(visitor.locator("main")).to_contain_text("Journey Board")
    assert visitor.url.endswith(member.get_url())
    assert axe_violations(visitor) == []
    visitor.goto(live_server.url + "/board/")
    expect(visitor.get_by_role("heading", name="Chair", exact=True)).to_be_visible()
    assert axe_violations(visitor) == []
    visitor.close()
