"""The searches visitors make (issue 17) each find the page that answers them in
the first three results, on the seeded site, alike on SQLite and on PostgreSQL
(CI runs this file on both)."""

import re

import pytest

pytestmark = pytest.mark.django_db

EZ = "/funding/enterprise-zones/"

# (query, a page it must find in its first three results): each page says it.
RELEVANCE = [
    ("digital", EZ),  # Round 2 sectors: "… creative and digital"
    ("Nissan", EZ),  # Round 1: "three clusters (Nissan/A19, …)"
    ("growth deal", "/funding/"),  # figure "First Growth Deal"
    ("£270m", "/funding/"),  # figure "Local Growth Fund £270m"
    ("270m", "/funding/"),
    ("£270 million", "/funding/"),
    ("enterprise zone", EZ),
    ("enterprise zones", EZ),
    ("enterprise zone sunderland", EZ + "a19-corridor/"),
    ("Sunderland", EZ + "a19-corridor/"),
    ("Sunderland", EZ + "international-advanced-manufacturing-park-iamp/"),
    ("local growth fund", "/funding/funds/local-growth-fund/"),
    ("local growth fund", "/funding/"),
    ("mailing list", "/industrial-strategy/"),  # "Find out more: join our mailing list"
    ("productivity", "/industrial-strategy/"),
    ("enterprise zone sites", EZ),
    ("projects", "/funding/projects/"),
    ("funded projects", "/funding/projects/"),
    ("meetings", "/meetings/"),
    ("board", "/board/"),
]


def result_links(client, query, **filters):
    html = client.get("/search/", {"q": query, **filters}).content.decode()
    return re.findall(r'<h3><a href="([^"]+)">', html)


# Not "page": pytest-playwright would take a test with that argument for a browser
# test, and the reordering for its browser parameter would run database tests after
# the transactional ones had emptied the database.
@pytest.mark.parametrize("query,expected", RELEVANCE)
def test_each_search_finds_its_page_in_the_first_three(
    client, seeded_site, query, expected
):
    assert expected in result_links(client, query)[:3]


def test_singular_and_plural_find_the_same(client, seeded_site):
    assert result_links(client, "enterprise zone") == result_links(
        client, "enterprise zones"
    )
    assert result_links(client, "funded project") == result_links(
        client, "funded projects"
    )


def test_an_amount_is_found_however_it_is_written(client, seeded_site):
    found = result_links(client, "£270m")
    assert found
    assert result_links(client, "270m") == found
    assert result_links(client, "£270 million") == found


def test_a_misspelling_that_finds_nothing_suggests_the_sites_word(client, seeded_site):
    html = client.get("/search/", {"q": "entreprise"}).content.decode()

    assert 'Did you mean <a href="/search/?q=enterprise">enterprise</a>?' in html


def test_an_exact_title_comes_first(client, seeded_site):
    assert result_links(client, "Local Growth Fund")[0] == (
        "/funding/funds/local-growth-fund/"
    )
    assert result_links(client, "Funded projects")[0] == "/funding/projects/"


def test_a_page_comes_before_the_records_beneath_it(client, seeded_site):
    found = result_links(client, "enterprise zone")

    assert found.index(EZ) < min(
        found.index(url) for url in found if url.startswith(EZ) and url != EZ
    )
