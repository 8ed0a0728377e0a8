"""On a phone the main menu folds behind a Menu button; at 1280 px its links fit on
one row; printed pages drop the filter forms and show where a paper link goes."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded_server(live_server, seeded_site):
    return live_server.url


def test_a_phone_shows_a_menu_button_that_opens_the_menu(page, seeded_server):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(seeded_server + "/")
    button = page.get_by_role("button", name="Menu")
    menu = page.get_by_role("navigation", name="Main")

    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Board meetings").is_visible()


def test_without_javascript_a_phone_still_shows_the_menu(browser, seeded_server):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    page.goto(seeded_server + "/")

    assert page.get_by_role("navigation", name="Main").is_visible()
    assert not page.locator(".site-menu-button").is_visible()
    context.close()


def test_at_1280_px_the_menu_is_one_row_and_has_no_button(page, seeded_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(seeded_server + "/")

    tops = page.locator(".site-nav__list > li").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    assert len(tops) >= 4 and len(set(tops)) == 1, tops
    assert not page.locator(".site-menu-button").is_visible()


def test_print_hides_filters_and_shows_paper_addresses(page, seeded_server):
    page.emulate_media(media="print")
    page.goto(seeded_server + "/meetings/")

    assert not page.locator(".meetings-filter").is_visible()
