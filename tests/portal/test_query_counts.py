import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import StandardPage

pytestmark = pytest.mark.django_db

SEEDED_PAGES = [
    "/",
    "/industrial-strategy/",
    "/industrial-strategy/clean-growth/",
    "/industrial-strategy/ideas/",
    "/industrial-strategy/engagement-summit/",
    "/faqs/",
    "/about/",
    "/accessibility/",
    "/search/?q=growth",
    "/sitemap.xml",
]


def queries_for(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("path", SEEDED_PAGES)
def test_every_seeded_page_costs_at_most_12_queries_on_a_warm_cache(
    client, strategy_site, path
):
    client.get(path)
    queries = queries_for(client, path)
    assert len(queries) <= 12, "\n".join(queries)


@pytest.mark.parametrize("path", ["/faqs/", "/industrial-strategy/clean-growth/"])
def test_menu_and_footer_are_not_queried_on_a_warm_cache(client, strategy_site, path):
    client.get(path)
    queries = queries_for(client, path)
    menu_queries = [
        sql for sql in queries if '"show_in_menus"' in sql.partition("WHERE")[2]
    ]
    assert not menu_queries
    assert not [sql for sql in queries if "portal_sitesettings" in sql]


def test_publishing_a_page_updates_the_cached_menu_and_footer(client, strategy_site):
    client.get("/")
    home = StandardPage.objects.get(slug="about").get_parent()
    news = StandardPage(title="News", slug="news", show_in_menus=True)
    home.add_child(instance=news)
    news.save_revision().publish()
    assert '<a href="/news/">News</a>' in client.get("/").content.decode()

    news.unpublish()
    assert "/news/" not in client.get("/").content.decode()


def test_site_settings_changes_show_at_once(client, strategy_site):
    from portal.models import SiteSettings

    client.get("/")
    settings = SiteSettings.objects.get()
    settings.contact_email = "new@nelep.co.uk"
    settings.save()
    assert "new@nelep.co.uk" in client.get("/").content.decode()


@pytest.mark.slow
def test_every_page_linked_from_the_seeded_site_costs_at_most_12_queries(
    client, seeded_site
):
    """Crawl the fully seeded site (strategy, meetings, funding) from the home page."""
    to_visit, seen, too_costly = ["/"], set(), {}
    while to_visit and len(seen) < 80:
        path = to_visit.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        queries = queries_for(client, path)
        if len(queries) > 12:
            too_costly[path] = len(queries)
        for link in re.findall(r'href="(/[^"#?]*)"', response.content.decode()):
            if not link.startswith(("/admin", "/static", "/media")) and "." not in link:
                to_visit.append(link)
    assert len(seen) > 40
    assert too_costly == {}
