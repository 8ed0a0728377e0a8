"""Every kind of funding page fits a 320 px phone without sideways scrolling (tables
become stacked, labelled rows) and passes axe at phone and desktop widths."""

import pytest

from tests.accessibility import axe_violations_at_widths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "funding overview": "/funding/",
    "fund, its rounds and projects": "/funding/funds/local-growth-fund/",
    "projects": "/funding/projects/",
    "projects, none found": "/funding/projects/?q=no-such-project",
    "project": "/funding/projects/lgf-iamp/",
    "Enterprise Zone sites": "/funding/enterprise-zones/",
    "Enterprise Zone site": "/funding/enterprise-zones/tyne-dock-enterprise-park/",
}


@pytest.fixture
def seeded_server(live_server, settings, seeded_site):
    settings.FUNDING_MAP_TILE_URL = ""
    return live_server.url


def test_every_funding_page_fits_320_px_and_passes_axe(page, seeded_server):
    problems = {}
    for name, path in PAGES.items():
        found = axe_violations_at_widths(page, seeded_server + path, (320, 375, 1280))
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize(
    "path, label",
    [
        ("/funding/", "Figure"),
        ("/funding/funds/local-growth-fund/", "Amount secured"),
        ("/funding/enterprise-zones/", "Local authority"),
    ],
)
def test_tables_become_labelled_rows_on_a_phone(page, seeded_server, path, label):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(seeded_server + path)
    shown = page.locator(f'td[data-label="{label}"]').first.evaluate(
        "cell => getComputedStyle(cell, '::before').content"
    )
    assert shown == f'"{label}: "'
