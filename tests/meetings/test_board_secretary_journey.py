"""A board secretary's whole job in Chromium, from a new meeting to approved minutes,
ending with what an anonymous visitor can and cannot reach."""

import datetime
import re
from collections import Counter

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Committee, Meeting, MeetingDocument
from tests.journeys import StaffBrowser, create_staff
from tests.meetings.upload_samples import good_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]

UTC = datetime.UTC
A_WEEK_BEFORE = datetime.datetime(2027, 1, 7, 9, 0, tzinfo=UTC)
AFTER_THE_MEETING = datetime.datetime(2027, 1, 14, 14, 0, tzinfo=UTC)
AFTER_THE_NEXT_MEETING = datetime.datetime(2027, 3, 11, 14, 0, tzinfo=UTC)
PAPERS = (
    "Agenda.pdf",
    "Item 1 Skills plan.pdf",
    "Item 1 Budget annex.pdf",
    "Item 1 Old figures.pdf",
    "Item 1 Draft budget.pdf",
    "Item 2 Land deal.pdf",
)


class CountedClicks:
    def __init__(self):
        self.by_step = Counter()
        self.step = ""

    def __call__(self, locator):
        self.by_step[self.step] += 1
        locator.click()

    def made_by_journey_helper(self, count):
        """Clicks that ``StaffBrowser`` makes: signing in, following the menu."""
        self.by_step[self.step] += count


def fieldset(page, file_name):
    return page.locator(f'fieldset[data-document="{file_name}"]')


@pytest.fixture
def journey_time():
    with time_machine.travel(A_WEEK_BEFORE, tick=True) as traveller:
        yield traveller


def test_a_board_secretary_runs_a_meeting_from_agenda_to_approved_minutes(
    journey_time,
    page,
    browser,
    live_server,
    seeded_site,
    settings,
    tmp_path,
    django_user_model,
):
    settings.PORTAL_REQUIRE_2FA = True
    create_staff(django_user_model, "sam", "Board secretaries")
    board = Committee.objects.get(name="Board")
    next_meeting = Meeting.objects.create(
        committee=board,
        title="March Board",
        start=datetime.datetime(2027, 3, 11, 10, 0, tzinfo=UTC),
        end=datetime.datetime(2027, 3, 11, 12, 0, tzinfo=UTC),
        live=True,
    )
    for name in PAPERS + ("Minutes.pdf",):
        (tmp_path / name).write_bytes(good_pdf(name))
    click = CountedClicks()
    sam = StaffBrowser(page, live_server.url, "sam")

    click.step = "sign in"
    sam.sign_in()
    click.made_by_journey_helper(2)

    click.step = "create the meeting"
    sam.open_menu("Meetings", "Meetings")
    click.made_by_journey_helper(2)
    click(page.get_by_role("link", name="Add meeting"))
    page.locator("#id_committee").select_option(label="Board")
    page.locator("#id_title").fill("January Board")
    for field, typed in (
        ("#id_start", "14/01/2027 10:00"),
        ("#id_end", "14/01/2027 12:00"),
    ):
        page.locator(field).press_sequentially(typed)
        page.locator(field).press("Escape")
    page.locator("#id_venue").fill("Committee room 1")
    sam.screenshot("secretary-meeting-form")

    click.step = "add the agenda"
    add_item = page.get_by_role("button", name="Add agenda item")
    click(add_item)
    page.locator("#id_agenda_items-0-number").fill("1")
    page.locator("#id_agenda_items-0-title").fill("Skills plan")
    click(add_item)
    page.locator("#id_agenda_items-1-number").fill("2")
    page.locator("#id_agenda_items-1-title").fill("Land deal")
    click(page.locator("#id_agenda_items-1-confidential"))
    page.locator("#id_agenda_items-1-confidential_paragraph").select_option("3")
    page.locator("#id_agenda_items-1-confidential_reason").fill(
        "Commercially sensitive information"
    )
    page.locator("#id_agenda_items-1-confidential_reason").scroll_into_view_if_needed()
    sam.screenshot("secretary-agenda")
    click(page.get_by_role("button", name="More actions"))
    click(page.get_by_role("button", name="Publish"))
    page.wait_for_url("**/admin/snippets/meetings/meeting/")
    # Created by the publish, or by an autosave just before it (then updated).
    published = re.compile(r"'January Board' (created|updated) and published")
    expect(page.get_by_text(published)).to_be_visible()
    sam.screenshot("secretary-meetings-list")
    meeting = Meeting.objects.get(title="January Board")
    assert timezone_local(meeting.start) == "14/01/2027 10:00"
    assert meeting.live and meeting.agenda_items.filter(confidential=True).count() == 1

    click.step = "upload several papers at once"
    click(page.get_by_role("link", name="January Board"))
    click(page.get_by_role("link", name="Upload and publish documents"))
    expect(page.get_by_role("heading", name="Papers for January Board")).to_be_visible()
    page.locator("input[type=file]").set_input_files(
        [str(tmp_path / name) for name in PAPERS]
    )
    click(page.get_by_role("button", name="Upload", exact=True))
    expect(page.get_by_text("Uploaded 6 file(s)")).to_be_visible()
    sam.screenshot("secretary-papers-uploaded")

    click.step = "publish some now, one at a set time"
    for name in (
        "agenda.pdf",
        "item-1-skills-plan.pdf",
        "item-1-old-figures.pdf",
        "item-2-land-deal.pdf",
    ):
        fieldset(page, name).locator("select[name$='-publication']").select_option(
            "published"
        )
    annex = fieldset(page, "item-1-budget-annex.pdf")
    annex.locator("select[name$='-publication']").select_option("scheduled")
    annex.get_by_label("Publish at").fill("10/01/2027 09:00")
    annex.get_by_label("Publish at").press("Escape")
    annex.scroll_into_view_if_needed()
    sam.screenshot("secretary-papers-publish")
    click(page.get_by_role("button", name="Save document settings"))
    expect(page.get_by_text("Document settings saved")).to_be_visible()
    assert list(
        MeetingDocument.objects.public()
        .filter(meeting=meeting)
        .order_by("title")
        .values_list("title", flat=True)
    ) == ["Agenda", "Item 1 Old figures", "Item 1 Skills plan"]

    click.step = "replace a paper"
    skills = MeetingDocument.objects.get(file_name="item-1-skills-plan.pdf")
    address = skills.url
    click(
        fieldset(page, "item-1-skills-plan.pdf").get_by_role(
            "link", name="Replace the file"
        )
    )
    replacement = tmp_path / "Skills plan v2.pdf"
    replacement.write_bytes(good_pdf("Skills plan, second version"))
    page.locator("#id_file").set_input_files(str(replacement))
    click(page.get_by_role("button", name="Save", exact=True))
    click(page.get_by_role("link", name="Item 1 Skills plan"))
    expect(page.locator("[data-versions]")).to_contain_text("item-1-skills-plan.pdf")
    page.locator("[data-versions]").scroll_into_view_if_needed()
    sam.screenshot("secretary-replaced-paper")
    skills.refresh_from_db()
    assert skills.url == address and skills.file_name == "skills-plan-v2.pdf"

    click.step = "withdraw a paper at once"
    click(page.get_by_role("link", name="All papers for January Board"))
    click(page.get_by_role("button", name="Withdraw “Item 1 Old figures” now"))
    expect(page.get_by_text("was withdrawn: it is no longer public")).to_be_visible()
    page.get_by_text("was withdrawn").scroll_into_view_if_needed()
    sam.screenshot("secretary-withdrawn")

    click.step = "after the meeting: draft minutes"
    journey_time.move_to(AFTER_THE_MEETING)
    sam.sign_in()
    click.made_by_journey_helper(2)
    sam.open_menu("Meetings", "Meetings")
    click.made_by_journey_helper(2)
    click(page.get_by_role("link", name="January Board"))
    click(page.get_by_role("link", name="Upload and publish documents"))
    page.locator("input[type=file]").set_input_files(str(tmp_path / "Minutes.pdf"))
    click(page.get_by_role("button", name="Upload", exact=True))
    minutes = fieldset(page, "minutes.pdf")
    minutes.locator("select[name$='-publication']").select_option("published")
    click(page.get_by_role("button", name="Save document settings"))
    expect(page.get_by_text("Document settings saved")).to_be_visible()
    fieldset(page, "minutes.pdf").scroll_into_view_if_needed()
    sam.screenshot("secretary-draft-minutes")

    click.step = "later: minutes approved"
    journey_time.move_to(AFTER_THE_NEXT_MEETING)
    sam.sign_in()
    click.made_by_journey_helper(2)
    sam.open_menu("Meetings", "Meetings")
    click.made_by_journey_helper(2)
    click(page.get_by_role("link", name="January Board"))
    click(page.get_by_role("link", name="Upload and publish documents"))
    minutes = fieldset(page, "minutes.pdf")
    minutes.get_by_label("Minutes status").select_option("approved")
    minutes.get_by_label("Approved at meeting").select_option(label="March Board")
    click(page.get_by_role("button", name="Save document settings"))
    expect(page.get_by_text("Document settings saved")).to_be_visible()
    fieldset(page, "minutes.pdf").scroll_into_view_if_needed()
    sam.screenshot("secretary-approved-minutes")
    minutes_document = MeetingDocument.objects.get(file_name="minutes.pdf")
    assert minutes_document.approved_at == next_meeting

    visitor = browser.new_context().new_page()
    visitor.goto(live_server.url + meeting.url)
    StaffBrowser(visitor, live_server.url, "").screenshot("secretary-public-meeting")
    listed = visitor.locator(".meeting-document > a").all_inner_texts()
    assert sorted(listed) == [
        "Agenda",
        "Item 1 Budget annex",
        "Item 1 Skills plan",
        "Minutes",
    ]
    for file_name in (
        "item-1-old-figures.pdf",
        "item-1-draft-budget.pdf",
        "item-2-land-deal.pdf",
    ):
        hidden = MeetingDocument.objects.get(file_name=file_name)
        assert visitor.request.get(live_server.url + hidden.url).status in (403, 404)
    assert visitor.request.get(live_server.url + skills.url).status == 200

    print("Clicks per step:", dict(click.by_step))
    assert sum(click.by_step.values()) <= 45


def timezone_local(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
