"""Files as Excel, LibreOffice and Numbers save them import, or say what to change."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from funding.importing import import_csv
from funding.models import EnterpriseZoneSite, FundedProject, FundRound
from tests.funding.factories import (
    EnterpriseZoneSiteFactory,
    FundedProjectFactory,
    FundFactory,
    FundRoundFactory,
)

pytestmark = pytest.mark.django_db

LINES = [
    "identifier,fund,title,amount_awarded,recipient,source_title",
    "lgf-netpark,local-growth-fund,NETPark,25200000,Business Durham,NELEP",
    "lgf-iamp,local-growth-fund,IAMP,41150000,Sunderland City Council,NELEP",
]


@pytest.fixture
def fund():
    return FundFactory(name="Local Growth Fund", slug="local-growth-fund")


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_any_line_ending_is_read(fund, ending):
    report = import_csv(ending.join(LINES).encode(), "projects")
    assert report.ok, report.errors
    assert sorted(report.created) == ["lgf-iamp", "lgf-netpark"]


def test_a_csv_for_macintosh_imports_from_the_command_line(fund, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes("\r".join(LINES).encode("utf-8"))
    call_command("import_funding", str(path), "--kind", "projects")
    assert FundedProject.objects.count() == 2


def test_a_quoted_cell_may_hold_a_line_break_with_cr_endings(fund):
    lines = [*LINES[:2], 'p3,local-growth-fund,"Two\rlines",1,X,NELEP']
    report = import_csv("\r".join(lines).encode(), "projects")
    assert report.ok, report.errors
    assert FundedProject.objects.get(identifier="p3").title.splitlines() == [
        "Two",
        "lines",
    ]


def test_headings_match_whatever_their_case_spacing_or_byte_order_mark(fund):
    data = (
        "\ufeffIdentifier, Fund ,Title,Amount Awarded,Recipient,Award Date,"
        "source-title\n"
        "lgf-netpark,local-growth-fund,NETPark,25200000,Business Durham,"
        "2016-04-01,NELEP\n"
    ).encode()
    report = import_csv(data, "projects")
    assert report.ok, report.errors
    netpark = FundedProject.objects.get(identifier="lgf-netpark")
    assert netpark.recipient == "Business Durham"
    assert netpark.award_date == datetime.date(2016, 4, 1)


def test_an_unknown_column_is_warned_about_and_left_out(fund):
    data = LINES[0] + ",notes\n" + LINES[1] + ",call Sam\n"
    report = import_csv(data, "projects")
    assert report.ok and report.created == ["lgf-netpark"]
    assert [(w.line, w.column) for w in report.warnings] == [(1, "notes")]
    assert "does not read a column of that name" in str(report.warnings[0])


def test_a_heading_named_twice_in_any_case_is_refused(fund):
    report = import_csv(LINES[0] + ",Title\n" + LINES[1] + ",Other\n", "projects")
    assert [(e.line, e.column) for e in report.errors] == [(1, "title")]
    assert "named twice" in str(report.errors[0])


def test_a_bad_byte_is_reported_on_its_own_line(fund):
    lines = [LINES[0], LINES[1], LINES[2].replace("IAMP", "Café")]
    for ending in ["\n", "\r", "\r\n"]:
        report = import_csv(ending.join(lines).encode("latin-1"), "projects")
        assert [(e.line, e.column) for e in report.errors] == [(3, "")]
        assert "not UTF-8" in str(report.errors[0])


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_semicolon_or_tab_separated_file_is_read(fund, separator):
    data = "\n".join(line.replace(",", separator) for line in LINES)
    report = import_csv(data, "projects")
    assert report.ok, report.errors
    assert sorted(report.created) == ["lgf-iamp", "lgf-netpark"]


def test_a_file_whose_columns_are_not_found_names_its_separator(fund):
    data = "ident;fonds;titre\nx;y;z\n"
    report = import_csv(data, "projects")
    assert any("separated by a semicolon" in str(e) for e in report.errors)


def test_an_empty_cell_clears_a_value_and_a_missing_column_keeps_it(fund):
    FundedProjectFactory(identifier="lgf-netpark", fund=fund, recipient="Old")
    FundedProjectFactory(identifier="lgf-iamp", fund=fund, recipient="Kept")
    data = (
        "identifier,fund,title,amount_awarded,recipient,source_title\n"
        "lgf-netpark,local-growth-fund,NETPark,25200000,,NELEP\n"
    )
    report = import_csv(data, "projects")
    assert report.ok, report.errors
    assert FundedProject.objects.get(identifier="lgf-netpark").recipient == ""
    assert "award_date" in report.kept_columns

    data = "identifier,fund,title,amount_awarded,source_title\n"
    data += "lgf-iamp,local-growth-fund,IAMP,41150000,NELEP\n"
    assert import_csv(data, "projects").ok
    iamp = FundedProject.objects.get(identifier="lgf-iamp")
    assert iamp.recipient == "Kept"
    assert iamp.award_date == datetime.date(2016, 4, 1)


ESCAPED = ["+44 191 123 4567", "-Minus Trust", "=1+1", "@home", "'=quoted"]


def _download(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )


@pytest.mark.parametrize("text", ESCAPED)
def test_a_downloaded_projects_file_imports_back_unchanged(
    client, funding_page, fund, text
):
    FundedProjectFactory(fund=fund, identifier="p1", recipient=text, title=text)
    report = import_csv(_download(client, "/funding/projects.csv"), "projects")
    assert report.ok, report.errors
    assert (report.updated, report.unchanged) == ([], 1)
    project = FundedProject.objects.get(identifier="p1")
    assert (project.recipient, project.title) == (text, text)


@pytest.mark.parametrize("text", ESCAPED)
def test_a_downloaded_rounds_file_imports_back_unchanged(
    client, funding_page, fund, text
):
    FundRoundFactory(fund=fund, identifier="r1", name=text, period=text)
    report = import_csv(_download(client, "/funding/rounds.csv"), "rounds")
    assert report.ok, report.errors
    assert (report.updated, report.unchanged) == ([], 1)
    assert FundRound.objects.get(identifier="r1").name == text


@pytest.mark.parametrize("text", ESCAPED)
def test_a_downloaded_sites_file_imports_back_unchanged(client, funding_page, text):
    EnterpriseZoneSiteFactory(slug="s1", contact=text, sectors=text)
    data = _download(client, "/funding/enterprise-zones.csv")
    report = import_csv(data, "sites")
    assert report.ok, report.errors
    assert (report.updated, report.unchanged) == ([], 1)
    assert EnterpriseZoneSite.objects.get(slug="s1").contact == text


def test_the_admin_previews_a_csv_for_macintosh_and_says_what_is_kept(
    client, django_user_model, fund
):
    user = django_user_model.objects.create_user("funder", password="x" * 16)
    user.groups.add(Group.objects.get(name="Funding editors"))
    client.force_login(user)
    FundedProjectFactory(identifier="lgf-netpark", fund=fund, award_date=None)
    data = "\r".join([LINES[0], LINES[1].replace("25200000", "25300000")]).encode()
    upload = SimpleUploadedFile("projects.csv", data, "text/csv")
    response = client.post(
        "/admin/funding_import/", {"kind": "projects", "file": upload}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview" in html and "1 changed" in html
    assert "existing records keep what is saved in them" in html
    assert "<code>award_date</code>" in html


def test_a_source_address_that_is_not_a_web_address_is_reported_on_each_line(fund):
    data = (
        "identifier,fund,title,amount_awarded,source_title,source_url\n"
        "p1,local-growth-fund,A,1,NELEP,not a url\n"
        "p2,local-growth-fund,B,1,NELEP,not a url\n"
        "p3,local-growth-fund,C,1,NELEP,https://example.org/lgf\n"
    )
    report = import_csv(data, "projects")
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "source_url"),
        (3, "source_url"),
    ]
