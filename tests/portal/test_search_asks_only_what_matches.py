"""Search asks the index which kinds of content match, and keeps what it works out of
each object only until content changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.search import prefilter
from tests.factories import StandardPageFactory, paragraph

pytestmark = pytest.mark.django_db


def warm_up(client):
    """Site chrome, content types and the clock's next change, read once."""
    for _ in range(2):
        client.get("/search/", {"q": "warm up"})


def searched_tables(client, words):
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": words}).content.decode()
    return html, " ".join(query["sql"] for query in queries)


def test_a_word_found_nowhere_costs_one_query(client, home_page):
    warm_up(client)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "No results for “xylophone”" in html
    assert len(queries) == 1


def test_a_word_found_only_in_pages_asks_no_other_kind(client, home_page):
    StandardPageFactory(parent=home_page, title="Hydrogen valley")
    warm_up(client)

    html, sql = searched_tables(client, "hydrogen")

    assert "Hydrogen valley</a>" in html
    for table in ("meetings_meeting", "meetings_meetingdocument", "funding_"):
        assert table not in sql


def test_every_kind_is_searched_where_the_index_cannot_be_asked(
    client, home_page, monkeypatch
):
    StandardPageFactory(parent=home_page, title="Hydrogen valley")
    monkeypatch.setattr(prefilter, "matching_content_types", lambda words: None)

    html, sql = searched_tables(client, "hydrogen")

    assert "Hydrogen valley</a>" in html
    assert "meetings_meeting" in sql and "funding_fundedproject" in sql


def test_a_published_change_shows_in_the_next_search(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Skills",
        body=paragraph("<p>Apprenticeships in welding.</p>"),
    )
    assert (
        "<mark>welding</mark>"
        in client.get("/search/", {"q": "welding"}).content.decode()
    )

    page.body = paragraph("<p>Apprenticeships in welding and robotics.</p>")
    page.save_revision().publish()

    html = client.get("/search/", {"q": "welding"}).content.decode()
    assert "<mark>welding</mark> and robotics" in html


def test_a_draft_change_never_shows(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Skills", body=paragraph("<p>Welding courses.</p>")
    )
    client.get("/search/", {"q": "welding"})

    page.body = paragraph("<p>Welding courses. Confidential plans.</p>")
    page.save_revision()

    html = client.get("/search/", {"q": "welding"}).content.decode()
    assert "Confidential" not in html


def test_a_private_page_and_its_children_leave_search_at_once(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About hydrogen")
    StandardPageFactory(parent=about, title="Hydrogen team")
    assert "2 results" in client.get("/search/", {"q": "hydrogen"}).content.decode()

    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )

    html = client.get("/search/", {"q": "hydrogen"}).content.decode()
    assert "No results for “hydrogen”" in html


def test_a_repeated_search_is_kept_until_content_changes(client, home_page):
    StandardPageFactory(parent=home_page, title="Hydrogen valley")
    warm_up(client)
    searched_tables(client, "hydrogen")

    html, sql = searched_tables(client, "hydrogen")
    assert "Hydrogen valley</a>" in html
    assert sql == ""

    StandardPageFactory(parent=home_page, title="Hydrogen coast")
    html, _ = searched_tables(client, "hydrogen")
    assert "Hydrogen coast</a>" in html
