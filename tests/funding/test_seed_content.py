import re

import pytest

from funding import bulk
from funding.models import EnterpriseZoneSite, Figure, FundedProject
from funding.seed import seed

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_seeding_adds_the_18_named_sites_each_flagged_approximate(seeded_site):
    sites = EnterpriseZoneSite.objects.public()
    assert sites.count() == 18
    assert all(site.location_is_approximate for site in sites)
    with_area = {s.name: s.area_hectares for s in sites if s.area_hectares is not None}
    assert {name: str(area) for name, area in with_area.items()} == {
        "Tyne Dock Enterprise Park": "7.10"
    }
    assert not sites.exclude(incentive="").exists()
    assert not sites.exclude(zone_round=None).exists()


def test_the_three_local_growth_fund_figures_are_each_shown_with_their_source(
    client, seeded_site
):
    page = text(client.get("/funding/"))
    assert "£270m — Source: nelep.co.uk/funding/local-growth-funding" in page
    assert "£289.3m 2014 Source: bdaily.co.uk" in page
    assert "£379.6m 2015–21 Source: northeastlep.co.uk/tag/funding/page/5/" in page
    assert "over £760m" in page and "over £437m" in page


def test_every_seeded_figure_and_project_names_its_source(seeded_site):
    assert not Figure.objects.filter(source__title="").exists()
    assert FundedProject.objects.count() == 4
    assert set(FundedProject.objects.values_list("stage", flat=True)) == {""}


def test_seeding_twice_changes_nothing_and_keeps_an_editors_changes(seeded_site):
    site = EnterpriseZoneSite.objects.get(name="Fairmoor")
    site.description = "Edited by an editor."
    site.save()
    assert seed(log=lambda message: None) == 0
    site.refresh_from_db()
    assert site.description == "Edited by an editor."


def test_the_seeded_pages_and_files_all_load(client, seeded_site):
    for path in [
        "/funding/",
        "/funding/funds/local-growth-fund/",
        "/funding/projects/",
        "/funding/projects/lgf-northumberland-energy-park/",
        "/funding/enterprise-zones/",
        "/funding/enterprise-zones/tyne-dock-enterprise-park/",
        "/funding/projects.csv",
        "/funding/enterprise-zones.geojson",
    ]:
        assert client.get(path).status_code == 200, path


def test_bulk_data_adds_projects_labelled_as_made_up(seeded_site):
    assert bulk.generate(projects=25, log=lambda message: None) == 25
    assert bulk.generate(projects=5, log=lambda message: None) == 5
    generated = FundedProject.objects.filter(identifier__startswith="bulk-")
    assert generated.count() == 30
    assert set(generated.values_list("source__title", flat=True)) == {
        "Generated benchmark data (not real)"
    }
