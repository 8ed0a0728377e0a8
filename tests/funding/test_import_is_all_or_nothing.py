from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from funding.importing import import_csv
from funding.models import EnterpriseZoneSite, FundedProject, FundRound, Source
from tests.funding.factories import FundFactory, FundRoundFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "identifier,fund,round,title,amount_awarded,stage,latitude,longitude,"
    "source_title,source_url\n"
)


@pytest.fixture
def fund():
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    FundRoundFactory(identifier="growth-deal-2014", fund=fund)
    return fund


GOOD = (
    HEADER
    + "lgf-netpark,local-growth-fund,growth-deal-2014,NETPark,25200000,complete,,,"
    "NELEP,https://example.org/lgf\n"
    + 'lgf-iamp,Local Growth Fund,,IAMP,"£41,150,000.00",In progress,54.93,-1.45,'
    "NELEP,https://example.org/lgf\n"
)

BAD = (
    HEADER
    + "ok-row,local-growth-fund,,Fine,100,,,,NELEP,https://example.org/lgf\n"
    + "p2,No Such Fund,,Unknown fund,100,,,,NELEP,https://example.org/lgf\n"
    + 'p3,local-growth-fund,,Bad amount,"£1,2x",,,,NELEP,https://example.org/lgf\n'
    + "p4,local-growth-fund,,Off the globe,100,,95,-1.5,NELEP,https://example.org/lgf\n"
    + "ok-row,local-growth-fund,,Duplicate,100,,,,NELEP,https://example.org/lgf\n"
    + "p6,local-growth-fund,,No stage like this,100,finished,,,NELEP,https://example.org/lgf\n"
)


def test_a_file_with_bad_rows_reports_each_with_line_column_and_reason(fund):
    report = import_csv(BAD, "projects")
    found = {(e.line, e.column) for e in report.errors}
    assert found == {
        (3, "fund"),
        (4, "amount_awarded"),
        (5, "latitude"),
        (6, "identifier"),
        (7, "stage"),
    }
    reasons = " ".join(str(e) for e in report.errors)
    assert "unknown fund “No Such Fund”" in reasons
    assert "“£1,2x” is not an amount in pounds" in reasons
    assert "latitude 95 is out of range" in reasons
    assert "duplicate identifier “ok-row”: it is also on line 2" in reasons
    assert "Line 4, column “amount_awarded”" in reasons


def test_nothing_is_written_when_any_row_is_bad(fund):
    sources_before = Source.objects.count()
    report = import_csv(BAD, "projects")
    assert not report.ok
    assert not FundedProject.objects.exists()
    assert Source.objects.count() == sources_before


def test_a_good_file_creates_published_projects(fund):
    report = import_csv(GOOD, "projects")
    assert report.ok, report.errors
    assert sorted(report.created) == ["lgf-iamp", "lgf-netpark"]
    iamp = FundedProject.objects.public().get(identifier="lgf-iamp")
    assert iamp.amount_awarded == Decimal("41150000.00")
    assert iamp.stage == FundedProject.Stage.IN_PROGRESS
    assert iamp.source.url == "https://example.org/lgf"


def test_importing_the_same_file_again_changes_nothing(fund):
    import_csv(GOOD, "projects")
    again = import_csv(GOOD, "projects")
    assert (again.created, again.updated, again.unchanged) == ([], [], 2)


def test_a_changed_row_updates_the_project_with_the_same_identifier(fund):
    import_csv(GOOD, "projects")
    report = import_csv(GOOD.replace("25200000", "25300000"), "projects")
    assert report.updated == ["lgf-netpark"]
    assert (
        FundedProject.objects.get(identifier="lgf-netpark").amount_awarded == 25300000
    )


def test_a_dry_run_reports_but_writes_nothing(fund):
    report = import_csv(GOOD, "projects", dry_run=True)
    assert len(report.created) == 2 and not report.applied
    assert not FundedProject.objects.exists()


def test_a_missing_column_is_reported_on_the_first_line(fund):
    report = import_csv("identifier,title\nx,y\n", "projects")
    assert {(e.line, e.column) for e in report.errors} >= {
        (1, "fund"),
        (1, "amount_awarded"),
        (1, "source_title"),
    }


def test_a_row_with_an_unquoted_comma_is_reported_not_misread(fund):
    report = import_csv(HEADER + "x,local-growth-fund,,T,£1,250,,,,S,\n", "projects")
    assert "this row has 11 cells but the first line names 10 columns" in str(
        report.errors[0]
    )
    assert str(report.errors[0]).startswith("Line 2:")


def test_a_file_that_is_not_utf8_is_refused_with_a_reason(fund):
    report = import_csv("identifier,título\n".encode("latin-1"), "projects")
    assert "not UTF-8" in str(report.errors[0])


def test_rounds_and_sites_import_too(fund):
    rounds = (
        "identifier,fund,name,amount_secured,status,date_announced,source_title,source_url\n"
        "gd-2,local-growth-fund,Growth Deal 2,49700000,announced,2015-01-29,S,https://e.org\n"
    )
    assert import_csv(rounds, "rounds").ok
    assert FundRound.objects.get(identifier="gd-2").date_announced.year == 2015
    sites = (
        "name,local_authority,latitude,longitude,area_hectares,zone_round,source_title\n"
        "Tyne Dock Enterprise Park,South Tyneside,54.99,-1.43,7.1,,facts\n"
    )
    report = import_csv(sites, "sites")
    assert report.ok, report.errors
    site = EnterpriseZoneSite.objects.get(slug="tyne-dock-enterprise-park")
    assert site.area_hectares == Decimal("7.1") and site.location_is_approximate
    assert import_csv(sites, "sites").unchanged == 1


def test_the_command_imports_a_file_and_fails_cleanly_on_a_bad_one(fund, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("import_funding", str(good), kind="projects", dry_run=True)
    assert not FundedProject.objects.exists()
    call_command("import_funding", str(good), kind="projects")
    assert FundedProject.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_funding", str(bad), kind="projects")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_funding", str(tmp_path / "missing.csv"), kind="projects")


@pytest.mark.parametrize("area", ["NaN", "sNaN", "-Infinity", "-2"])
def test_an_impossible_area_is_reported_not_a_crash(fund, area):
    sites = (
        "name,local_authority,latitude,longitude,area_hectares,zone_round,source_title\n"
        f"Tyne Dock Enterprise Park,South Tyneside,54.99,-1.43,{area},,facts\n"
    )
    report = import_csv(sites, "sites")
    assert not report.ok
    assert "is not a number of hectares" in str(report.errors[0])
    assert not EnterpriseZoneSite.objects.exists()


def test_the_command_can_save_the_rows_as_drafts(fund, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("import_funding", str(good), kind="projects", drafts=True)
    assert FundedProject.objects.count() == 2
    assert not FundedProject.objects.public().exists()
