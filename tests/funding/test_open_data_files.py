import csv
import io
import json
from pathlib import Path

import geojson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from funding.importing import import_csv
from funding.models import FundedProject
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
GRANT_SCHEMA_URLS = [
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json",
]


def body(response):
    return response.getvalue().decode("utf-8-sig")


def rows(response):
    return list(csv.DictReader(io.StringIO(body(response))))


@pytest.fixture
def projects(funding_page):
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    round_ = FundRoundFactory(fund=fund, identifier="growth-deal-2014")
    return [
        FundedProjectFactory(fund=fund, round=round_, identifier="lgf-netpark"),
        FundedProjectFactory(
            fund=fund, identifier="lgf-iamp", latitude=54.93, longitude=-1.45
        ),
    ]


def test_projects_csv_lists_each_public_project_with_its_source(client, projects):
    response = client.get("/funding/projects.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    listed = rows(response)
    assert [row["identifier"] for row in listed] == ["lgf-iamp", "lgf-netpark"]
    assert listed[1]["round"] == "growth-deal-2014"
    assert listed[1]["source_url"].startswith("https://example.org/")


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(
    client, funding_page, start
):
    FundedProjectFactory(
        title=f'{start}HYPERLINK("http://evil")', recipient=f"{start}1+1"
    )
    row = rows(client.get("/funding/projects.csv"))[0]
    assert row["title"] == f'\'{start}HYPERLINK("http://evil")'
    assert row["recipient"] == f"'{start}1+1"
    assert row["amount_awarded"] == "4440736.00"


def test_a_downloaded_csv_imports_back_without_changes(client, projects):
    report = import_csv(body(client.get("/funding/projects.csv")), "projects")
    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == ([], [], 2)


@pytest.mark.parametrize(
    "path",
    [
        "/funding/rounds.csv",
        "/funding/enterprise-zones.csv",
        "/funding/enterprise-zones.geojson",
    ],
)
def test_files_that_stay_small_are_kept_by_the_page_cache_and_the_cdn(
    client, funding_page, page_cache, path
):
    EnterpriseZoneSiteFactory()
    first = client.get(path)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert len(queries) == 0 and second.content == first.content
    assert "public" in second["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/funding/projects.csv", "/funding/projects.json", "/funding/360giving.json"],
)
def test_files_that_grow_with_the_projects_stream(client, projects, path):
    assert client.get(path).streaming


@pytest.mark.parametrize(
    "path",
    ["/funding/projects.csv", "/funding/rounds.csv", "/funding/enterprise-zones.csv"],
)
def test_csv_files_start_with_a_byte_order_mark_for_spreadsheets(
    client, projects, path
):
    EnterpriseZoneSiteFactory(name="Café Quay")
    content = client.get(path).getvalue()
    assert content.startswith(b"\xef\xbb\xbf")
    assert content.count(b"\xef\xbb\xbf") == 1


def test_rounds_csv_lists_the_rounds(client, projects):
    listed = rows(client.get("/funding/rounds.csv"))
    assert [row["identifier"] for row in listed] == ["growth-deal-2014"]
    assert listed[0]["fund"] == "local-growth-fund"


def test_projects_json_holds_every_project_with_numbers_as_numbers(client, projects):
    data = json.loads(body(client.get("/funding/projects.json")))
    assert [p["identifier"] for p in data["projects"]] == ["lgf-iamp", "lgf-netpark"]
    assert data["projects"][0]["amount_awarded"] == 4440736
    assert data["projects"][0]["latitude"] == 54.93


def test_the_geojson_is_a_valid_rfc7946_feature_collection(client, funding_page):
    EnterpriseZoneSiteFactory(name="Dun Cow Quay", slug="dun-cow-quay")
    EnterpriseZoneSiteFactory(area_hectares="7.1", location_is_approximate=False)
    response = client.get("/funding/enterprise-zones.geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(body(response))
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    first = collection["features"][0]
    assert first["geometry"]["coordinates"] == [-1.508, 55.127]  # longitude first
    url = "http://localhost/funding/enterprise-zones/dun-cow-quay/"
    assert first["properties"]["url"] == url
    assert first["properties"]["location_is_approximate"] is True


def test_enterprise_zones_csv_lists_the_sites(client, funding_page):
    EnterpriseZoneSiteFactory(name="Tyne Dock Enterprise Park", area_hectares="7.1")
    (row,) = rows(client.get("/funding/enterprise-zones.csv"))
    assert row["name"] == "Tyne Dock Enterprise Park"
    assert row["area_hectares"] == "7.10"
    assert row["location_is_approximate"] == "yes"


def validator():
    package = json.loads((DATA / "360-giving-package-schema.json").read_text())
    # The schemas name their dialect with http://, which referencing does not know.
    grant = DRAFT202012.create_resource(
        json.loads((DATA / "360-giving-schema.json").read_text())
    )
    registry = Registry().with_resources((url, grant) for url in GRANT_SCHEMA_URLS)
    return Draft202012Validator(
        package, registry=registry, format_checker=FormatChecker()
    )


def test_the_360giving_package_validates_against_the_standard(
    client, projects, settings
):
    settings.FUNDING_360GIVING_PREFIX = "360G-test"
    data = json.loads(body(client.get("/funding/360giving.json")))
    errors = [error.message for error in validator().iter_errors(data)]
    assert errors == []
    ids = [grant["id"] for grant in data["grants"]]
    assert ids == ["360G-test-lgf-iamp", "360G-test-lgf-netpark"]
    assert data["grants"][0]["amountAwarded"] == 4440736
    assert data["grants"][0]["beneficiaryLocation"][0]["name"] == "Gateshead"


def test_the_360giving_package_leaves_out_projects_without_an_award_date(
    client, projects
):
    FundedProject.objects.filter(identifier="lgf-iamp").update(award_date=None)
    data = json.loads(body(client.get("/funding/360giving.json")))
    assert [g["id"].rsplit("-", 2)[-2:] for g in data["grants"]] == [["lgf", "netpark"]]


def test_open_data_needs_a_published_funding_page(client, funding_page, projects):
    funding_page.unpublish()
    assert client.get("/funding/projects.csv").status_code == 404
    assert client.get("/funding/nothing.csv").status_code == 404
