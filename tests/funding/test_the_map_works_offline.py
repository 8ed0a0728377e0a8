"""With no network but the site itself, the Enterprise Zone map still shows the region
(a coastline the site serves) and every site, and the browser reports no error."""

from urllib.parse import urlsplit

import pytest

from tests.funding.test_funding_in_a_browser import site_names_on_the_map

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offline_page(page, live_server, seeded_site):
    """A page that may reach the live server and nothing else; the tile setting keeps
    its default (a third-party tile server), whose every request is blocked."""
    own_host = urlsplit(live_server.url).netloc
    blocked = []

    def only_the_site(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text)
        if message.type == "error"
        else None,
    )
    page.blocked, page.errors = blocked, errors
    return page


def test_the_map_shows_the_coastline_and_every_site_offline(offline_page, live_server):
    offline_page.goto(live_server.url + "/funding/enterprise-zones/")
    offline_page.wait_for_selector(".funding-map__land")
    offline_page.wait_for_selector(".funding-map__marker")

    assert offline_page.locator(".funding-map__land").count() >= 1
    assert offline_page.locator(".funding-map__land").first.is_visible()
    assert len(site_names_on_the_map(offline_page)) == 18
    assert (
        "Natural Earth"
        in offline_page.locator(".leaflet-control-attribution").inner_text()
    )
    assert offline_page.errors == []
    assert offline_page.blocked == []


def test_the_street_map_loads_only_when_the_visitor_asks(offline_page, live_server):
    offline_page.goto(live_server.url + "/funding/enterprise-zones/")
    offline_page.wait_for_selector(".funding-map__land")
    assert offline_page.blocked == []

    button = offline_page.get_by_role("button", name="Show the street map")
    assert (
        "tile.openstreetmap.org"
        in offline_page.locator("#funding-map-tiles").inner_text()
    )
    button.click()
    offline_page.locator(".funding-map__message").wait_for(timeout=10000)
    assert button.get_attribute("aria-pressed") == "true"
    assert any("tile.openstreetmap.org" in url for url in offline_page.blocked)
