"""The site search reads what the funding pages show beyond their records: the
figures, and the funded projects and Enterprise Zone lists; never while the funding
page is not public."""

import re
from decimal import Decimal

import pytest

from funding.models import Figure
from tests.funding.factories import FigureFactory, FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db


def result_links(client, query):
    html = client.get("/search/", {"q": query}).content.decode()
    return re.findall(r'<h3><a href="([^"]+)">', html)


def test_a_new_figure_makes_the_page_showing_it_findable(client, funding_page):
    FigureFactory(label="Quayside pilot", amount=Decimal("12500000"))

    assert "/funding/" in result_links(client, "quayside pilot")
    assert "/funding/" in result_links(client, "£12.5m")


def test_an_enterprise_zone_figure_finds_the_sites_list(client, funding_page):
    FigureFactory(
        fund=None,
        label="Round 1",
        amount=None,
        text="Three clusters (Nissan/A19, River Tyne, Port of Blyth)",
        section=Figure.Section.ENTERPRISE_ZONES,
    )

    assert result_links(client, "nissan") == ["/funding/enterprise-zones/"]


def test_a_project_is_found_by_its_funds_name(client, funding_page):
    fund = FundFactory(name="Getting Building Fund", slug="gbf")
    project = FundedProjectFactory(fund=fund, title="Riverside offices")

    assert project.get_absolute_url() in result_links(client, "getting building")


def test_the_lists_leave_search_with_the_funding_page(client, funding_page):
    FundFactory(name="Local Growth Fund", slug="lgf")
    assert "/funding/projects/" in result_links(client, "funded projects")

    funding_page.unpublish()

    assert result_links(client, "funded projects") == []
    assert result_links(client, "enterprise zone sites") == []
