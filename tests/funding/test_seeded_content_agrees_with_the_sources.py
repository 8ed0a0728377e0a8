"""What the seed says about a project, a site and a round agrees with facts.md:
IAMP's councils are the same on its project and its site, and no round carries a
status that no source gave."""

import re

import pytest

from funding.models import FundRound

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_iamp_names_the_same_councils_on_its_project_and_its_site(client, seeded_site):
    project = text(client.get("/funding/projects/lgf-iamp/"))
    site = text(
        client.get(
            "/funding/enterprise-zones/international-advanced-manufacturing-park-iamp/"
        )
    )

    assert "Local authorities South Tyneside and Sunderland" in project
    assert "Local authority South Tyneside and Sunderland" in site


def test_a_project_in_two_councils_is_found_under_either(client, seeded_site):
    for council in ("south-tyneside", "sunderland"):
        page = text(client.get(f"/funding/projects/?local_authority={council}"))
        assert "International Advanced Manufacturing Park (IAMP)" in page
    page = text(client.get("/funding/projects/?local_authority=gateshead"))
    assert "International Advanced Manufacturing Park (IAMP)" not in page


def test_seeded_rounds_show_no_status_their_sources_do_not_give(client, seeded_site):
    assert set(FundRound.objects.values_list("status", flat=True)) == {""}
    page = text(client.get("/funding/funds/local-growth-fund/"))
    assert "First Growth Deal" in page
    assert "Announced" not in page.replace("Announced Source", "")


def test_a_round_saved_without_a_status_has_none(seeded_site):
    fund_round = FundRound.objects.first()
    new = FundRound.objects.create(
        identifier="no-status",
        fund=fund_round.fund,
        name="A round",
        source=fund_round.source,
    )
    assert new.status == ""


def test_the_open_data_names_both_councils_of_a_project(client, seeded_site):
    response = client.get("/funding/projects.csv")
    rows = b"".join(response.streaming_content).decode()
    (iamp,) = [row for row in rows.splitlines() if row.startswith("lgf-iamp,")]
    assert ",south-tyneside,sunderland," in iamp
