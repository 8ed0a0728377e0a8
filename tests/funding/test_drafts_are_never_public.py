import csv
import io
import json

import pytest

from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FigureFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db

PAGES = ["/funding/", "/funding/projects/", "/funding/enterprise-zones/"]
FILES = [
    "/funding/projects.csv",
    "/funding/projects.json",
    "/funding/rounds.csv",
    "/funding/enterprise-zones.csv",
    "/funding/enterprise-zones.geojson",
    "/funding/360giving.json",
]


def everything_public(client):
    text = []
    text.append(sitemap_text(client))
    for path in PAGES + ["/search/?q=secretive"]:
        response = client.get(path)
        assert response.status_code == 200, path
        text.append(response.content.decode())
    for path in FILES:
        response = client.get(path)
        assert response.status_code == 200, path
        text.append(response.getvalue().decode())
    return "\n".join(text)


@pytest.fixture
def drafts(funding_page):
    """One public record of each kind, and a draft of each, all named 'secretive'."""
    fund = FundFactory(name="Public Fund", slug="public-fund")
    FundedProjectFactory(fund=fund, title="Public project", identifier="public-p")
    EnterpriseZoneSiteFactory(name="Public Park", slug="public-park")
    draft_fund = FundFactory(name="Secretive Fund", slug="secretive-fund", live=False)
    FundedProjectFactory(fund=draft_fund, title="Secretive child", identifier="sc-1")
    FundedProjectFactory(
        fund=fund, title="Secretive project", identifier="secretive-p", live=False
    )
    draft_round = FundRoundFactory(fund=fund, name="Secretive round", live=False)
    FundedProjectFactory(
        fund=fund, round=draft_round, title="Secretive in round", identifier="sr-1"
    )
    EnterpriseZoneSiteFactory(name="Secretive Park", slug="secretive-park", live=False)
    FigureFactory(fund=fund, label="Secretive figure", live=False)
    FigureFactory(fund=draft_fund, label="Secretive fund figure")


def test_drafts_and_the_children_of_drafts_appear_nowhere_public(client, drafts):
    text = everything_public(client)
    assert "Public project" in text and "Public Park" in text
    assert "ecretive" not in text.replace("q=secretive", "").replace(
        "“secretive”", ""
    ).replace('value="secretive"', "")


@pytest.mark.parametrize(
    "path",
    [
        "/funding/funds/secretive-fund/",
        "/funding/projects/secretive-p/",
        "/funding/projects/sc-1/",
        "/funding/projects/sr-1/",
        "/funding/enterprise-zones/secretive-park/",
    ],
)
def test_a_draft_has_no_public_page(client, drafts, path):
    assert client.get(path).status_code == 404


def test_draft_records_are_left_out_of_every_export(client, drafts):
    projects = b"".join(client.get("/funding/projects.csv").streaming_content)
    identifiers = [
        r["identifier"]
        for r in csv.DictReader(io.StringIO(projects.decode("utf-8-sig")))
    ]
    assert identifiers == ["public-p"]
    geo = json.loads(client.get("/funding/enterprise-zones.geojson").content)
    assert [f["id"] for f in geo["features"]] == ["public-park"]
