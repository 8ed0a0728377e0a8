import json
import re
from decimal import Decimal

import pytest

from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
    SourceFactory,
)
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def lgf(funding_page):
    return FundFactory(name="Local Growth Fund", slug="local-growth-fund")


def test_the_funding_page_shows_each_disagreeing_figure_with_its_own_source(
    client, lgf
):
    FigureFactory(
        fund=lgf,
        label="Local Growth Fund",
        amount=Decimal("270000000"),
        source=SourceFactory(title="nelep.co.uk/funding/local-growth-funding"),
    )
    FigureFactory(
        fund=lgf,
        label="First Growth Deal",
        amount=Decimal("289300000"),
        period="2014",
        source=SourceFactory(title="bdaily.co.uk"),
    )
    FigureFactory(
        fund=None,
        label="All investment programmes",
        amount=Decimal("760000000"),
        amount_is_minimum=True,
        is_headline=True,
        source=SourceFactory(title="northeastlep.co.uk/funding"),
    )
    page = text(client.get("/funding/"))
    assert "Headline figures over £760m All investment programmes" in page
    assert "£270m — Source: nelep.co.uk/funding/local-growth-funding" in page
    assert "£289.3m 2014 Source: bdaily.co.uk" in page


def test_the_chart_labels_each_bar_in_text_once_with_the_numbers_in_a_table(
    client, lgf
):
    FigureFactory(fund=lgf, label="First Growth Deal", amount=Decimal("289300000"))
    FigureFactory(fund=lgf, label="Local Growth Fund", amount=Decimal("270000000"))
    html = client.get("/funding/").content.decode()
    assert 'class="funding-chart" aria-labelledby="funding-chart-title"' in html
    assert html.count('class="funding-chart__bar"') == 2
    assert "Local Growth Fund: First Growth Deal</span>" in html
    assert ">Local Growth Fund</span>" in html
    assert "Local Growth Fund: Local Growth Fund" not in html
    assert "<caption>Funding secured, by fund, with sources</caption>" in html


def test_a_fund_page_lists_its_rounds_and_projects(client, lgf):
    FundRoundFactory(fund=lgf, name="Growth Deal 2", amount_secured=Decimal("49700000"))
    FundedProjectFactory(fund=lgf, title="NETPark", amount_awarded=Decimal("25200000"))
    FundedProjectFactory(title="Another fund's project")
    page = text(client.get("/funding/funds/local-growth-fund/"))
    assert "Growth Deal 2 2015–21 £49.7m" in page
    assert "NETPark" in page and "£25.2m" in page
    assert "Another fund's project" not in page
    assert client.get("/funding/funds/no-such-fund/").status_code == 404


def test_projects_filter_by_fund_local_authority_and_stage(client, lgf):
    FundedProjectFactory(
        fund=lgf, title="Energy Park", local_authority="northumberland"
    )
    FundedProjectFactory(fund=lgf, title="Quayside", local_authority="gateshead")
    FundedProjectFactory(title="Elsewhere", stage="complete")
    page = text(client.get("/funding/projects/?local_authority=northumberland"))
    assert "Energy Park" in page and "Quayside" not in page
    page = text(client.get("/funding/projects/?fund=local-growth-fund"))
    assert "2 projects found" in page and "Elsewhere" not in page
    page = text(client.get("/funding/projects/?stage=complete"))
    assert "1 project found" in page and "Elsewhere" in page


def test_projects_are_paginated(client, lgf):
    FundedProjectFactory.create_batch(30, fund=lgf)
    assert "Page 1 of 2" in text(client.get("/funding/projects/"))
    assert "Page 2 of 2" in text(client.get("/funding/projects/?page=2"))


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=99999",
        "stage=%3Cscript%3Ealert(1)%3C/script%3E",
        "fund=nope&local_authority=mars",
        "page=-1&stage=",
    ],
)
def test_bad_query_strings_show_the_list_and_say_what_was_ignored(client, lgf, query):
    FundedProjectFactory(fund=lgf, title="Still listed")
    response = client.get(f"/funding/projects/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "Still listed" in html or "page=99999" in query


def test_each_listed_project_shows_its_fund_round_place_award_and_stage(client, lgf):
    FundedProjectFactory(
        fund=lgf,
        round=FundRoundFactory(fund=lgf, name="Growth Deal 2"),
        identifier="netpark",
        title="NETPark",
        local_authority="county-durham",
        amount_awarded=Decimal("25200000"),
        stage="complete",
        source=SourceFactory(title="Its source", url=""),
    )
    FundedProjectFactory(
        fund=lgf,
        title="Unplaced",
        local_authority="",
        stage="",
        source=SourceFactory(title="Another source", url=""),
    )

    html = client.get("/funding/projects/").content.decode()

    rows = re.findall(r'<tr>\s*<th scope="row">.*?</tr>', html, re.S)
    assert [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows] == [
        "NETPark Local Growth Fund (Growth Deal 2) County Durham £25.2m Complete "
        "Source: Its source, accessed 1 November 2026",
        "Unplaced Local Growth Fund Not stated £4,440,736 Not stated "
        "Source: Another source, accessed 1 November 2026",
    ]
    assert '<a href="/funding/projects/netpark/">NETPark</a>' in html


def test_listed_project_details_are_escaped(client, lgf):
    FundedProjectFactory(
        fund=lgf,
        round=FundRoundFactory(fund=lgf, name='"Round" <2>'),
        title="<script>alert(1)</script> & co",
    )

    html = client.get("/funding/projects/").content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "Local Growth Fund (&quot;Round&quot; &lt;2&gt;)" in html


def test_each_listed_project_names_its_own_source(client, lgf):
    shared = SourceFactory(title="Shared source")
    for title, source in [
        ("First", shared),
        ("Second", SourceFactory(title="Its own source", url="")),
        ("Third", shared),
    ]:
        FundedProjectFactory(fund=lgf, title=title, source=source)
    html = client.get("/funding/projects/").content.decode()
    rows = re.findall(r'<tr>\s*<th scope="row">.*?</tr>', html, re.S)
    source = re.compile(r"Source: (?:<a [^>]+>)?([^<,]+)")
    sources = [source.search(row).group(1) for row in rows]
    assert sources == ["Shared source", "Its own source", "Shared source"]


def test_a_project_page_shows_its_figures_and_source(client, lgf):
    FundedProjectFactory(
        fund=lgf,
        identifier="lgf-iamp",
        title="IAMP",
        amount_awarded=Decimal("41150000"),
        source=SourceFactory(title="northeast-ca.gov.uk/projects/local-growth-fund"),
    )
    page = text(client.get("/funding/projects/lgf-iamp/"))
    assert "Amount awarded £41.15m" in page
    assert "Source: northeast-ca.gov.uk/projects/local-growth-fund" in page


def test_the_enterprise_zone_list_works_without_javascript_and_filters(
    client, funding_page
):
    EnterpriseZoneSiteFactory(name="Dun Cow Quay", local_authority="northumberland")
    EnterpriseZoneSiteFactory(
        name="IAMP",
        local_authority="south-tyneside",
        also_in_local_authority="sunderland",
    )
    page = text(client.get("/funding/enterprise-zones/"))
    assert "2 sites found" in page
    assert "Dun Cow Quay Northumberland" in page
    assert "Approximate (the town's centre)" in page
    page = text(client.get("/funding/enterprise-zones/?local_authority=sunderland"))
    assert "1 site found" in page and "IAMP South Tyneside and Sunderland" in page
    bad = client.get("/funding/enterprise-zones/?zone_round=%3Cb%3E")
    assert "Some filters were not understood" in text(bad)


def test_the_map_gets_the_listed_sites_as_data_not_inline_script(client, funding_page):
    EnterpriseZoneSiteFactory(name="Dun Cow Quay", slug="dun-cow-quay")
    html = client.get("/funding/enterprise-zones/").content.decode()
    data = re.search(
        r'<script id="funding-map-data" type="application/json">(.*?)</script>', html
    )
    features = json.loads(data.group(1))
    assert [f["properties"]["name"] for f in features] == ["Dun Cow Quay"]
    assert (
        "/static/leaflet/leaflet.js" in html and "/static/funding/site-map.js" in html
    )
    scripts = re.findall(r"<script(?![^>]*(?:src=|application/(?:ld\+)?json))", html)
    assert scripts == []


def test_a_site_page_has_place_json_ld_and_says_what_is_not_known(client, funding_page):
    EnterpriseZoneSiteFactory(
        name="Tyne Dock Enterprise Park",
        slug="tyne-dock-enterprise-park",
        local_authority="south-tyneside",
        place="",
        area_hectares=Decimal("7.1"),
    )
    response = client.get("/funding/enterprise-zones/tyne-dock-enterprise-park/")
    page = text(response)
    assert "Area 7.1 hectares" in page
    assert "Incentive Not stated in our sources" in page
    assert "Enterprise Zone round Not known" in page
    assert "Approximate : the centre of South Tyneside" in page
    data = re.search(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
    )
    place = json.loads(data.group(1))
    assert place["@type"] == "Place"
    assert place["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 55.127,
        "longitude": -1.508,
    }


def test_funds_projects_and_sites_are_found_by_the_site_search(client, funding_page):
    fund = FundFactory(name="Getting Building Fund", slug="getting-building-fund")
    FundedProjectFactory(fund=fund, title="Riverside quay works", identifier="rq")
    EnterpriseZoneSiteFactory(name="Commissioners Quay", slug="commissioners-quay")
    page = client.get("/search/?q=quay").content.decode()
    assert 'href="/funding/projects/rq/"' in page
    assert 'href="/funding/enterprise-zones/commissioners-quay/"' in page
    page = client.get("/search/?q=building").content.decode()
    assert 'href="/funding/funds/getting-building-fund/"' in page


def test_fund_and_site_pages_are_in_the_sitemap(client, funding_page):
    FundFactory(slug="growing-places-fund")
    EnterpriseZoneSiteFactory(slug="fairmoor")
    xml = sitemap_text(client)
    assert "/funding/funds/growing-places-fund/</loc>" in xml
    assert "/funding/enterprise-zones/fairmoor/</loc>" in xml


def test_a_filter_that_was_not_understood_names_its_message(client, funding_page):
    html = client.get("/funding/projects/?stage=%3Cb%3E").content.decode()

    select = re.search(r'<select name="stage"[^>]*>', html).group(0)
    described_by = re.search(r'aria-describedby="([^"]+)"', select).group(1)
    message = re.search(rf'id="{described_by}">([^<]+)<', html).group(1)
    assert message.startswith("Stage: Select a valid choice.")
