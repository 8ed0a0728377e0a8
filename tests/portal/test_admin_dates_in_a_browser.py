"""In Chromium, a date and time typed into the admin is what gets saved, or is refused.

Wagtail's picker used to replace, on leaving the field, any text it could not read
with the current time: the meeting was saved as today, without a word.
"""

import datetime

import pytest
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.journeys import StaffBrowser, create_staff
from tests.meetings.factories import CommitteeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UTC = datetime.UTC


@pytest.fixture
def admin(page, live_server, django_user_model):
    CommitteeFactory(name="Board")
    create_staff(django_user_model, "dates", superuser=True)
    staff = StaffBrowser(page, live_server.url, "dates")
    staff.sign_in()
    staff.go("/admin/snippets/meetings/meeting/add/")
    page.locator("#id_committee").select_option(label="Board")
    page.locator("#id_title").fill("Typed board")
    return staff


def type_into(page, label, text):
    field = page.locator(label)
    field.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    return field


def test_typed_meeting_times_stay_as_typed_and_are_saved(admin):
    page = admin.page
    start = type_into(page, "#id_start", "2027-01-14 10:00")
    end = type_into(page, "#id_end", "14/01/2027 12.00")
    expect(start).to_have_value("2027-01-14 10:00")
    expect(end).to_have_value("14/01/2027 12.00")
    expect(page.locator("#id_start-zone")).to_have_text(
        "e.g. 14/01/2027 10:00, UK time (GMT/BST)"
    )

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url("**/edit/**")
    meeting = Meeting.objects.get(title="Typed board")
    assert meeting.start == datetime.datetime(2027, 1, 14, 10, 0, tzinfo=UTC)
    assert meeting.end == datetime.datetime(2027, 1, 14, 12, 0, tzinfo=UTC)
    expect(page.locator("#id_start")).to_have_value("14/01/2027 10:00")


def test_an_unreadable_time_is_refused_and_kept_for_correction(admin):
    page = admin.page
    type_into(page, "#id_start", "next Thursday")
    type_into(page, "#id_end", "14 Jan 2027 12pm")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_text("e.g. 14/01/2027 10:00 (UK time)").first).to_be_visible()
    expect(page.locator("#id_start")).to_have_value("next Thursday")
    assert not Meeting.objects.filter(title="Typed board").exists()
