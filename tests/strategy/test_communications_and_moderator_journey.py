"""A communications officer adds an image to a theme page and submits it; a
moderator previews and approves it; a visitor then sees it live.

Each step counts the clicks it takes (``clicks``), reported by ``make screenshots``
and by the guides docs/guides/communications.md and docs/guides/moderator.md.
"""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from strategy.models import ThemePage
from tests.journeys import StaffBrowser, create_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]

IMAGE_TITLE = "Offshore wind turbines at Blyth"
ALT_TEXT = "Wind turbines on the pier at Blyth"


@pytest.fixture
def portal_server(live_server, settings, strategy_site):
    settings.PORTAL_REQUIRE_2FA = True
    return live_server.url


def a_photo(folder):
    path = folder / "blyth-turbines.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 110, 160)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


class Clicks:
    """How many clicks each step took, to report and to keep low."""

    def __init__(self):
        self.steps = {}

    def count(self, step, clicks):
        self.steps[step] = clicks


def test_communications_submits_a_theme_with_an_image_and_a_moderator_approves_it(
    browser, page, portal_server, django_user_model, tmp_path
):
    create_staff(django_user_model, "comms", "Communications")
    create_staff(django_user_model, "moderator", "Moderators")
    theme = ThemePage.objects.live().order_by("path").first()
    clicks = Clicks()

    # The communications officer finds the theme from the menu.
    comms = StaffBrowser(page, portal_server, "comms")
    comms.sign_in()
    comms.screenshot("communications-dashboard")
    comms.open_menu("Strategy", theme.title)
    expect(page.get_by_role("heading", name=theme.title)).to_be_visible()
    clicks.count("find the theme page", 2)
    comms.screenshot("communications-theme-editor")

    # Adds an image at the end of the body, uploading it.
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Image").click()
    page.get_by_role("button", name="Choose an image").last.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name="Upload").click()
    modal.get_by_label("File").set_input_files(str(a_photo(tmp_path)))
    modal.get_by_label("Title").fill(IMAGE_TITLE)
    comms.screenshot("communications-upload-image")
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    body.get_by_label("Alt text").last.fill(ALT_TEXT)
    clicks.count("add and upload an image", 6)
    comms.screenshot("communications-image-added", full_page=True)

    # Submits it for moderation.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    expect(page.get_by_role("status")).to_contain_text("submitted for moderation")
    clicks.count("submit for moderation", 2)
    comms.screenshot("communications-submitted")

    # The moderator, in a browser of their own, finds it on the dashboard.
    moderator_page = browser.new_context().new_page()
    moderator = StaffBrowser(moderator_page, portal_server, "moderator")
    moderator.sign_in()
    awaiting = moderator_page.locator("#awaiting-review-content")
    row = awaiting.locator("tr", has_text=theme.title)
    expect(row).to_be_visible()
    moderator.screenshot("moderator-dashboard")

    # Previews the change, from the row's actions.
    row.get_by_role("button", name="Actions").click()
    moderator.screenshot("moderator-row-actions")
    with moderator_page.expect_popup() as opened:
        row.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview.get_by_alt_text(ALT_TEXT)).to_be_visible()
    clicks.count("preview", 2)
    StaffBrowser(preview, portal_server, "moderator").screenshot("moderator-preview")
    preview.close()

    # Approves it.
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # The message comes once the approval is saved: the row can vanish before, as
    # the dashboard reloads.
    expect(moderator_page.get_by_text("approved. It is now live.")).to_be_visible()
    expect(
        moderator_page.locator("#awaiting-review-content tr", has_text=theme.title)
    ).to_have_count(0)
    clicks.count("approve", 2)
    moderator.screenshot("moderator-approved")

    # A visitor sees the image on the live page.
    visitor = browser.new_context().new_page()
    visitor.goto(portal_server + theme.url)
    expect(visitor.get_by_alt_text(ALT_TEXT)).to_be_visible()

    print("clicks per step:", clicks.steps)
