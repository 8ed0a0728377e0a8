"""A place outside the North East, or with its coordinates swapped, is not imported."""

import pytest

from funding.importing import import_csv
from funding.models import EnterpriseZoneSite
from tests.funding.factories import FundFactory

pytestmark = pytest.mark.django_db

SITES = "name,local_authority,latitude,longitude,source_title\n"


def _site(latitude, longitude):
    return SITES + f"Quay,Sunderland,{latitude},{longitude},NELEP\n"


def test_a_place_in_the_north_east_imports():
    assert import_csv(_site("54.9065", "-1.3838"), "sites").ok
    assert EnterpriseZoneSite.objects.count() == 1


def test_swapped_coordinates_are_named_as_swapped():
    report = import_csv(_site("-1.4", "54.92"), "sites")
    assert [(e.line, e.column) for e in report.errors] == [(2, "latitude")]
    assert "seem swapped" in str(report.errors[0])
    assert not EnterpriseZoneSite.objects.exists()


def test_a_place_in_london_is_refused():
    report = import_csv(_site("51.5072", "-0.1276"), "sites")
    assert "outside the North East LEP area" in str(report.errors[0])


def test_a_projects_place_is_checked_too():
    FundFactory(slug="lgf")
    data = (
        "identifier,fund,title,amount_awarded,latitude,longitude,source_title\n"
        "p1,lgf,T,1,51.5072,-0.1276,NELEP\n"
    )
    report = import_csv(data, "projects")
    assert [(e.line, e.column) for e in report.errors] == [(2, "latitude")]


def test_the_region_is_a_setting(settings):
    settings.FUNDING_REGION = {
        "name": "Greater London",
        "south": 51.2,
        "north": 51.7,
        "west": -0.6,
        "east": 0.4,
    }
    assert import_csv(_site("51.5072", "-0.1276"), "sites").ok
