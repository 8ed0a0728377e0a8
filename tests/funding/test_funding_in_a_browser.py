import pytest

from tests.accessibility import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PAGES = {
    "funding": "/funding/",
    "fund": "/funding/funds/local-growth-fund/",
    "projects": "/funding/projects/?local_authority=northumberland",
    "project": "/funding/projects/lgf-iamp/",
    "enterprise zones": "/funding/enterprise-zones/",
    "site": "/funding/enterprise-zones/tyne-dock-enterprise-park/",
}


@pytest.fixture
def funding_server(live_server, settings, seeded_site):
    settings.FUNDING_MAP_TILE_URL = ""  # no tile server is reachable in tests
    return live_server.url


def site_names_on_the_map(page):
    """Each site named by a marker; sites sharing a point share one marker."""
    names = []
    for label in page.locator(".funding-map__marker").evaluate_all(
        "markers => markers.map(marker => marker.getAttribute('aria-label'))"
    ):
        names += label.split(": ", 1)[1].split(", ") if " sites: " in label else [label]
    return names


def test_the_map_shows_a_marker_for_every_listed_site(page, funding_server):
    page.goto(funding_server + "/funding/enterprise-zones/")
    page.wait_for_selector(".funding-map__marker")
    assert page.locator("#funding-map").is_visible()
    assert len(site_names_on_the_map(page)) == 18
    page.goto(funding_server + "/funding/enterprise-zones/?local_authority=gateshead")
    page.wait_for_selector(".funding-map__marker")
    assert page.locator(".funding-map__marker").count() == 1


def test_the_site_filter_works_without_javascript(browser, funding_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(funding_server + "/funding/enterprise-zones/")
    assert not page.locator("#funding-map").is_visible()
    assert page.locator("tbody tr").count() == 18
    page.select_option("#id_local_authority", "south-tyneside")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**local_authority=south-tyneside**")
    names = page.locator("tbody th").all_inner_texts()
    assert names == [
        "Holborn Riverside",
        "International Advanced Manufacturing Park (IAMP)",
        "Tyne Dock Enterprise Park",
    ]
    context.close()


def test_the_funding_pages_pass_axe_wcag_2_2_aa(page, funding_server):
    problems = {}
    for name, path in PAGES.items():
        page.goto(funding_server + path)
        if name == "enterprise zones":
            page.wait_for_selector(".funding-map__marker")
        violations = axe_violations(page)
        if violations:
            problems[name] = violations
    assert problems == {}
