"""The search results filter by kind, committee and year, say how many results of
each kind there are, and ignore a filter value they do not know, with a message."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def kinds_shown(html):
    return re.findall(r'<p class="search-result__kind">([^<]+)</p>', html)


def test_the_bar_counts_each_kind_and_a_kind_narrows_the_results(client, seeded_site):
    everything = page(client, q="board")
    counts = dict(re.findall(r"<li>([^<:]+): (\d+)</li>", everything))

    assert {"Page", "Meeting"} <= set(counts)
    assert '<label for="search-filter-kind">Kind</label>' in everything

    meetings = page(client, q="board", kind="Meeting")
    assert set(kinds_shown(meetings)) == {"Meeting"}
    assert f"{counts['Meeting']} result" in meetings


def test_a_committee_and_a_year_narrow_the_results(client, seeded_site):
    html = page(client, q="meeting", kind="Meeting", committee="Board", year="2025")
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', html)

    assert titles
    assert all("Board meeting" in title and "2025" in title for title in titles)


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "Nonsense"},
        {"committee": "<script>"},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
    ],
)
def test_a_filter_value_not_understood_is_ignored_with_a_message(
    client, seeded_site, params
):
    plain = page(client, q="board")
    html = page(client, q="board", **params)

    assert "Some filters were not understood and have been ignored" in html
    heading = re.search(r'<h2 aria-live="polite">([^<]+)</h2>', plain).group(1)
    assert heading in html


def test_filtering_asks_the_database_nothing_more(client, seeded_site):
    page(client, q="board")
    with CaptureQueriesContext(connection) as everything:
        page(client, q="board")
    with CaptureQueriesContext(connection) as filtered:
        page(client, q="board", kind="Meeting", committee="Board", year="2025")

    assert len(filtered) <= len(everything)
