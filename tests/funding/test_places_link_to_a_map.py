"""A project's or site's latitude and longitude can be checked on a map."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from tests.funding.factories import EnterpriseZoneSiteFactory, FundedProjectFactory

pytestmark = pytest.mark.django_db

# Blyth's town centre, as the seed places Northumberland Energy Park.
BLYTH = {"latitude": Decimal("55.12700"), "longitude": Decimal("-1.50800")}
MAP_LINK = (
    "https://www.openstreetmap.org/?mlat=55.12700&amp;mlon=-1.50800"
    "#map=14/55.12700/-1.50800"
)


def test_a_project_page_links_its_location_to_openstreetmap(client, funding_page):
    FundedProjectFactory(identifier="lgf-northumberland-energy-park", **BLYTH)
    html = client.get("/funding/projects/lgf-northumberland-energy-park/").content
    assert MAP_LINK in html.decode()


def test_a_project_without_a_location_shows_no_map_link(client, funding_page):
    FundedProjectFactory(identifier="lgf-netpark")
    html = client.get("/funding/projects/lgf-netpark/").content.decode()
    assert "openstreetmap" not in html


@pytest.mark.parametrize("factory", [FundedProjectFactory, EnterpriseZoneSiteFactory])
def test_the_admin_edit_form_links_the_saved_location_to_a_map(
    client, django_user_model, factory
):
    user = django_user_model.objects.create_user("funder", password="x" * 16)
    user.groups.add(Group.objects.get(name="Funding editors"))
    client.force_login(user)
    place = factory(**BLYTH)
    model = place._meta.model_name
    html = client.get(f"/admin/snippets/funding/{model}/edit/{place.pk}/").content
    assert MAP_LINK in html.decode()
