"""On a phone a funding table that scrolls sideways can be reached and scrolled by
keyboard (axe's scrollable-region-focusable), also when a filter finds nothing."""

import pytest

from tests.accessibility import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/funding/",
    "/funding/funds/local-growth-fund/",
    "/funding/projects/",
    "/funding/projects/?q=no-such-project",
    "/funding/enterprise-zones/",
]


@pytest.fixture
def seeded_server(live_server, seeded_site):
    return live_server.url


@pytest.mark.parametrize("width", [320, 375])
def test_no_scrollable_region_is_out_of_keyboard_reach(page, seeded_server, width):
    page.set_viewport_size({"width": width, "height": 700})
    problems = {}
    for path in PAGES:
        page.goto(seeded_server + path)
        found = [v for v in axe_violations(page) if "scrollable-region" in v]
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("width", [320, 375])
def test_the_projects_list_fits_a_phone_without_sideways_scrolling(
    page, seeded_server, width
):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(seeded_server + "/funding/projects/")

    wider = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert wider <= 0
    label = page.locator('td[data-label="Amount awarded"]').first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert label == '"Amount awarded: "'


def test_the_funding_chart_is_readable_at_320_px(page, seeded_server):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(seeded_server + "/funding/")

    sizes = page.locator(".funding-chart__label").evaluate_all(
        "labels => labels.map(label => parseFloat(getComputedStyle(label).fontSize))"
    )
    assert sizes and min(sizes) >= 14
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
