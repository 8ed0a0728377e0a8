"""A moderator who approves from the dashboard's "Awaiting your review" row menu is
told what happened, and whether the page is now live."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Workflow

from tests.factories import StrategyPageFactory, ThemePageFactory
from tests.journeys import StaffBrowser, create_staff


@pytest.fixture
def submitted_theme(home_page, django_user_model):
    author = create_staff(django_user_model, "comms", "Communications")
    theme = ThemePageFactory(
        parent=StrategyPageFactory(parent=home_page), title="Clean growth"
    )
    theme.title = "Clean growth and net zero"
    theme.save_revision(user=author)
    Workflow.objects.get(name="Moderators approval").start(theme, author)
    return theme


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_approve_from_the_dashboard_row_menu_says_the_page_is_live(
    page, live_server, settings, django_user_model, submitted_theme
):
    settings.PORTAL_REQUIRE_2FA = True
    create_staff(django_user_model, "moderator", "Moderators")
    moderator = StaffBrowser(page, live_server.url, "moderator")
    moderator.sign_in()
    moderator.go("/admin/")

    row = page.get_by_role("row").filter(has_text="Clean growth and net zero")
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state("load")

    message = page.locator(".messages")
    expect(message).to_contain_text(
        "Theme page 'Clean growth and net zero' approved. It is now live."
    )
    expect(message.get_by_role("link", name="Edit")).to_have_attribute(
        "href", f"/admin/pages/{submitted_theme.pk}/edit/"
    )
    submitted_theme.refresh_from_db()
    assert submitted_theme.live and submitted_theme.title == "Clean growth and net zero"


@pytest.mark.django_db
def test_requesting_changes_from_the_dashboard_says_the_live_page_is_unchanged(
    client, django_user_model, submitted_theme
):
    client.force_login(create_staff(django_user_model, "moderator", "Moderators"))
    task_state = submitted_theme.current_workflow_state.current_task_state
    action = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted_theme.pk, "reject", task_state.pk],
    )
    dashboard = client.post(action, {"next": "/admin/"}, follow=True)
    assert (
        "Theme page &#x27;Clean growth and net zero&#x27;: changes requested."
        in dashboard.content.decode()
    )
    again = client.post(action, {"next": "/admin/"}, follow=True)
    assert "changes requested" not in again.content.decode()
