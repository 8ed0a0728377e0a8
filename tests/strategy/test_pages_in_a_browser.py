"""The strategy pages by keyboard. Their axe checks and widths are in
tests/portal/test_every_page_type_is_accessible_at_every_width.py."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def seeded_server(live_server, strategy_site):
    return live_server.url


def test_faq_answers_open_and_close_by_keyboard(page, seeded_server):
    page.goto(seeded_server + "/faqs/#evidence-base")
    question = page.locator("#evidence-base summary")
    answer = page.locator("#evidence-base .faq__answer")
    assert not answer.is_visible()
    question.focus()
    page.keyboard.press("Enter")
    assert answer.is_visible()
    assert "early 2020" in answer.inner_text()
    page.keyboard.press("Enter")
    assert not answer.is_visible()


def test_skip_link_and_main_menu_work_by_keyboard(page, seeded_server):
    page.goto(seeded_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    page.goto(seeded_server + "/")
    for _ in range(12):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.textContent.trim()")
        if label == "Frequently asked questions":
            break
    else:
        pytest.fail("The menu link to the FAQs cannot be reached with the Tab key")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused menu link has no visible focus outline"
    page.keyboard.press("Enter")
    page.wait_for_url("**/faqs/")
    assert page.locator("h1").inner_text() == "Frequently asked questions"
