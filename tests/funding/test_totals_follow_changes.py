"""Totals and counts kept between renders still change as soon as content does."""

import pytest

from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db


def test_the_funding_overview_counts_a_project_published_after_a_render(
    client, funding_page
):
    fund = FundFactory(name="Growth Deal", slug="growth-deal")
    FundedProjectFactory(fund=fund, amount_awarded=1000)
    assert "1 project listed" in client.get("/funding/").content.decode()

    FundedProjectFactory(fund=fund, amount_awarded=2000)

    assert "2 projects listed" in client.get("/funding/").content.decode()
    assert "2 projects" in client.get("/funding/projects/").content.decode()
