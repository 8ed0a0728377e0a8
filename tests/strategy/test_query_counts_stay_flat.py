"""Every page type runs the same few queries however many pages the site has."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy.models import (
    EventPage,
    Milestone,
    RelatedTheme,
    StandardPage,
    StrategyPage,
    ThemePage,
)

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/industrial-strategy/",
    "/industrial-strategy/clean-growth/",
    "/industrial-strategy/engagement-summit/",
    "/faqs/",
    "/about/",
    "/search/",
    "/sitemap.xml",
    "/robots.txt",
]
# Search makes one query per page type among its hits (Wagtail's ``specific()``): the
# count depends on how many types match, never on how many pages do.
SEARCHES = ["/search/?q=growth", "/search/?q=growth&page=2"]
GROWTH = 8


def count_queries(client, path):
    """Queries for a render with the page cache off and the site chrome warm."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def publish(parent, page):
    """A live page; no revision is needed to be shown."""
    return parent.add_child(instance=page)


def grow_the_site(count):
    """More themes (each related to the seeded one), events, milestones and pages."""
    strategy = StrategyPage.objects.get(slug="industrial-strategy")
    clean_growth = ThemePage.objects.get(slug="clean-growth")
    about = StandardPage.objects.get(slug="about")
    for n in range(count):
        theme = ThemePage(
            title=f"Growth theme {n}",
            slug=f"growth-theme-{n}",
            kind=ThemePage.Kind.GRAND_CHALLENGE if n % 2 else ThemePage.Kind.FOUNDATION,
            summary="Clean growth for the region.",
        )
        publish(strategy, theme)
        RelatedTheme.objects.create(page=clean_growth, theme=theme, sort_order=n)
        publish(
            strategy,
            EventPage(
                title=f"Growth event {n}",
                slug=f"growth-event-{n}",
                date=datetime.date(2019, 1, 1) + datetime.timedelta(days=n),
            ),
        )
        publish(about, StandardPage(title=f"Growth note {n}", slug=f"note-{n}"))
        Milestone.objects.create(
            page=strategy, title=f"Growth milestone {n}", link=theme, sort_order=n
        )


@pytest.mark.slow
def test_every_page_type_costs_the_same_few_queries_at_any_size(client, strategy_site):
    small = {path: count_queries(client, path) for path in PATHS + SEARCHES}
    grow_the_site(GROWTH)
    large = {path: count_queries(client, path) for path in PATHS + SEARCHES}

    assert {path: large[path] for path in PATHS} == {
        path: small[path] for path in PATHS
    }
    assert max(small.values()) <= 12, small
    assert max(large.values()) <= 12, large
