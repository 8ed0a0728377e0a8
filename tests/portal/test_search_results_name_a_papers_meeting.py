"""A paper or minutes found by search is titled with its committee and meeting date,
not only "Example minutes"."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_paper_found_by_search_names_its_committee_and_meeting_date(
    client, seeded_site
):
    html = client.get("/search/", {"q": "minutes"}).content.decode()
    titles = re.findall(r'<h3><a href="[^"]*">([^<]*)</a></h3>', html)
    papers = [t for t in titles if "(Minutes" in t]

    assert papers
    assert all(re.search(r"\): .*board, \d{1,2} \w+ 20\d\d$", t, re.I) for t in papers)
