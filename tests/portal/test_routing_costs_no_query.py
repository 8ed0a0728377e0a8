"""Routing (the site, the page, its privacy, its breadcrumbs) is kept under the
content version: a page view after the first costs no query for it, and a change
shows on the very next view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from strategy.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(home_page):
    about = StandardPage(title="About us", slug="about")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    team = StandardPage(title="Our team", slug="team")
    about.add_child(instance=team)
    team.save_revision().publish()
    return team


def test_a_plain_page_renders_without_a_query_once_routed(client, team):
    # The first view also creates the site settings, a public change.
    for _ in range(2):
        assert client.get("/about/team/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/about/team/")
    assert response.status_code == 200 and response.templates
    assert 'href="/about/">About us</a>' in response.content.decode()
    assert len(queries) == 0


def test_a_view_restriction_applies_on_the_next_view(client, team):
    client.get("/about/team/")
    PageViewRestriction.objects.create(
        page=team, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/about/team/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_moved_and_unpublished_pages_route_afresh(client, team, home_page):
    client.get("/about/team/")
    team.move(home_page, pos="last-child")
    moved = client.get("/about/team/")
    assert moved.status_code == 301 and moved["Location"].endswith("/team/")
    assert client.get("/team/").status_code == 200
    team.refresh_from_db()
    team.unpublish()
    assert client.get("/team/").status_code == 404


def test_made_up_addresses_are_not_found_every_time(client, team):
    for _ in range(2):
        assert client.get("/about/team/nothing-here/").status_code == 404
        assert client.get("/no-such-page/").status_code == 404
