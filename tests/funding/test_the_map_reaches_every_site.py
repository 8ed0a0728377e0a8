"""Sites sharing a point (four at Blyth's centre) share one named marker whose popup
lists them all; when tiles cannot load, the map says so."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def map_page(page, live_server, settings, seeded_site):
    settings.FUNDING_MAP_TILE_URL = ""
    page.goto(live_server.url + "/funding/enterprise-zones/")
    page.wait_for_selector(".funding-map__marker")
    return page


def test_overlapping_sites_are_listed_in_one_popup(map_page):
    blyth = map_page.locator('.funding-map__marker[aria-label^="4 sites:"]')
    assert "Dun Cow Quay" in blyth.get_attribute("aria-label")

    blyth.click()
    popup = map_page.locator(".funding-map__popup")
    for name in (
        "Northumberland Energy Park",
        "Bates and Wimbourne Quays",
        "Commissioners Quay",
        "Dun Cow Quay",
    ):
        assert popup.get_by_role("link", name=name).is_visible()


def test_every_marker_has_an_accessible_name(map_page):
    labels = map_page.locator(".funding-map__marker").evaluate_all(
        "markers => markers.map(marker => marker.getAttribute('aria-label'))"
    )
    assert labels and all(labels)


def test_a_failed_tile_server_is_explained(page, live_server, settings, seeded_site):
    settings.FUNDING_MAP_TILE_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"
    page.goto(live_server.url + "/funding/enterprise-zones/")
    page.get_by_role("button", name="Show the street map").click()

    message = page.locator(".funding-map__message")
    message.wait_for(timeout=10000)
    assert "could not be loaded" in message.inner_text()
