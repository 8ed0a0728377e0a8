"""The 360Giving package: offered only when it holds a grant, with real identifiers,
codes for places, and where each grant's data came from."""

import json

import pytest
from wagtail.models import Site

from funding.importing import import_csv
from funding.models import FundedProject, LocalAuthority
from portal.models import SiteSettings
from tests.funding.factories import FundedProjectFactory, FundFactory
from tests.funding.test_open_data_files import validator

pytestmark = pytest.mark.django_db

ONS = {
    LocalAuthority.COUNTY_DURHAM: ("E06000047", "UA"),
    LocalAuthority.GATESHEAD: ("E08000037", "MD"),
    LocalAuthority.NEWCASTLE: ("E08000021", "MD"),
    LocalAuthority.NORTH_TYNESIDE: ("E08000022", "MD"),
    LocalAuthority.NORTHUMBERLAND: ("E06000057", "UA"),
    LocalAuthority.SOUTH_TYNESIDE: ("E08000023", "MD"),
    LocalAuthority.SUNDERLAND: ("E08000024", "MD"),
}


def package(client):
    response = client.get("/funding/360giving.json")
    assert response.status_code == 200
    data = json.loads(response.getvalue())
    assert [error.message for error in validator().iter_errors(data)] == []
    return data


def test_without_a_grant_the_package_is_neither_linked_nor_served(client, funding_page):
    # As on a fresh seed: the facts give amounts but no award dates or recipients.
    FundedProjectFactory(identifier="lgf-iamp", award_date=None, recipient="")
    assert client.get("/funding/360giving.json").status_code == 404
    html = client.get("/funding/projects/").content.decode()
    assert "360giving.json" not in html

    FundedProjectFactory(identifier="lgf-netpark")
    assert "360giving.json" in client.get("/funding/projects/").content.decode()
    assert len(package(client)["grants"]) == 1


def test_every_grant_names_one_funder_with_the_identifier_set_for_the_site(
    client, funding_page
):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.grant_funder_identifier = "GB-EXAMPLE-NELEP"
    site_settings.save()
    FundedProjectFactory(fund=FundFactory(funder="UK Government"))
    FundedProjectFactory(fund=FundFactory(funder="European Union"))
    data = package(client)
    funders = {json.dumps(g["fundingOrganization"]) for g in data["grants"]}
    assert funders == {
        json.dumps(
            [
                {
                    "id": "GB-EXAMPLE-NELEP",
                    "name": "North East Local Enterprise Partnership",
                }
            ]
        )
    }
    assert data["publisher"]["identifier"] == "GB-EXAMPLE-NELEP"


def test_a_recipient_has_its_organisation_identifier_when_known(client, funding_page):
    FundedProjectFactory(
        identifier="known",
        recipient="Example Ltd",
        recipient_identifier="GB-COH-01234567",
    )
    FundedProjectFactory(identifier="unknown", recipient="Example Council")
    grants = {g["id"].rsplit("-", 1)[-1]: g for g in package(client)["grants"]}
    assert grants["known"]["recipientOrganization"][0]["id"] == "GB-COH-01234567"
    # Never made up: an unknown one stays under the site's own prefix.
    assert grants["unknown"]["recipientOrganization"][0]["id"].startswith("360G-")


def test_each_grant_says_where_its_data_came_from_and_when_it_changed(
    client, funding_page
):
    project = FundedProjectFactory(identifier="netpark")
    (grant,) = package(client)["grants"]
    assert grant["dataSource"] == project.source.url
    assert grant["dateModified"].startswith(str(project.last_published_at.date()))
    assert grant["url"] == "http://localhost/funding/projects/netpark/"


@pytest.mark.parametrize("authority", list(ONS))
def test_beneficiary_locations_carry_the_local_authoritys_ons_code(
    client, funding_page, authority
):
    FundedProjectFactory(local_authority=authority)
    (location,) = package(client)["grants"][0]["beneficiaryLocation"]
    assert (location["geoCode"], location["geoCodeType"]) == ONS[authority]
    assert location["name"] == authority.label


def test_a_recipient_identifier_imports_and_a_made_up_one_is_refused():
    FundFactory(slug="lgf")
    head = "identifier,fund,title,amount_awarded,recipient_identifier,source_title\n"
    good = head + "p1,lgf,T,1,GB-CHC-1234567,NELEP\n"
    assert import_csv(good, "projects").ok
    assert FundedProject.objects.get().recipient_identifier == "GB-CHC-1234567"
    report = import_csv(head + "p2,lgf,T,1,Example Ltd,NELEP\n", "projects")
    assert [(e.line, e.column) for e in report.errors] == [(2, "recipient_identifier")]
