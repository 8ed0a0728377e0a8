"""Site search ranks what it finds itself and costs the same with many matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db


def test_a_match_in_the_title_ranks_above_one_in_the_description(client, funding_page):
    fund = FundFactory(name="Local Growth Fund", slug="lgf")
    FundedProjectFactory(
        fund=fund, title="Riverside offices", description="Includes a heat pump."
    )
    FundedProjectFactory(fund=fund, title="Heat pump network", description="Warmth.")

    html = client.get("/search/", {"q": "heat pump"}).content.decode()

    assert html.index("Heat pump network") < html.index("Riverside offices")


def test_many_matching_projects_cost_no_more_queries(client, funding_page):
    fund = FundFactory(name="Local Growth Fund", slug="lgf")
    FundedProjectFactory(fund=fund, title="Quayside regeneration")
    client.get("/search/", {"q": "warm up the site chrome"})
    with CaptureQueriesContext(connection) as one:
        client.get("/search/", {"q": "regeneration"})
    FundedProjectFactory.create_batch(30, fund=fund, title="Harbour regeneration")
    client.get("/search/", {"q": "warm up the site chrome"})
    with CaptureQueriesContext(connection) as many:
        html = client.get("/search/", {"q": "regeneration"}).content.decode()

    assert "31 results" in html
    assert len(many) == len(one) <= 12
