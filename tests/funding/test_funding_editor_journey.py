"""A funding editor's job in Chromium: import a file of projects, and see them live.

The projects are the Local Growth Fund projects named in /work/shared/seed/facts.md,
with their published amounts and sources; Northumberland Energy Park is placed at
Blyth's town centre, as the seed places its Enterprise Zone site. The first file has
two mistakes, as a first attempt might.
"""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from funding.models import FundedProject
from tests.accessibility import axe_violations
from tests.funding.factories import FundFactory
from tests.journeys import StaffBrowser, create_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]

NECA = (
    "northeast-ca.gov.uk/projects/local-growth-fund,"
    "https://northeast-ca.gov.uk/projects/local-growth-fund"
)
TAG = "nelep.co.uk/tag/local-growth-fund,https://nelep.co.uk/tag/local-growth-fund"
FIXED = (
    "identifier,fund,title,local_authority,amount_awarded,latitude,longitude,"
    "source_title,source_url\n"
    "lgf-iamp,local-growth-fund,International Advanced Manufacturing Park (IAMP),,"
    f"41150000,,,{NECA}\n"
    "lgf-northumberland-energy-park,local-growth-fund,Northumberland Energy Park,"
    f"Northumberland,4440736,55.12700,-1.50800,{NECA}\n"
    f"lgf-east-pilgrim-street,local-growth-fund,East Pilgrim Street,,4350000,,,{NECA}\n"
    f"lgf-netpark,local-growth-fund,NETPark,,25200000,,,{TAG}\n"
)
WITH_MISTAKES = FIXED.replace("4350000", "£4.35m").replace(
    "lgf-netpark,local-growth-fund", "lgf-netpark,Local Growth Funds"
)
MAP_URL = (
    "https://www.openstreetmap.org/?mlat=55.12700&mlon=-1.50800"
    "#map=14/55.12700/-1.50800"
)
TITLES = [
    "East Pilgrim Street",
    "International Advanced Manufacturing Park (IAMP)",
    "NETPark",
    "Northumberland Energy Park",
]


class Clicks:
    """Clicks (and files chosen) per step, for the note on how long the job takes."""

    def __init__(self):
        self.steps = {}
        self.current = None

    def step(self, name):
        self.current = name
        self.steps[name] = 0

    def add(self, count=1):
        self.steps[self.current] += count

    def click(self, locator):
        self.add()
        locator.click()


@pytest.fixture
def journey(live_server, settings, funding_page, django_user_model):
    settings.PORTAL_REQUIRE_2FA = True
    FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    create_staff(django_user_model, "funder", "Funding editors")
    return live_server.url


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def check_file(page, clicks, path):
    page.get_by_label("What the file holds").select_option(label="Funded projects")
    page.get_by_label("CSV file", exact=True).set_input_files(path)
    clicks.add()
    clicks.click(page.get_by_role("button", name="Check the file"))
    page.wait_for_load_state("load")


def test_a_funding_editor_imports_projects_and_sees_them_live(
    page, browser, journey, tmp_path, capsys
):
    clicks = Clicks()
    staff = StaffBrowser(page, journey, "funder")

    clicks.step("sign in with two-factor authentication")
    staff.sign_in()
    clicks.add(2)  # Sign in; Turn on two-factor authentication

    clicks.step("find the import page in the menu")
    staff.open_menu("Funding", "Import CSV")
    clicks.add(2)
    expect(page.get_by_role("heading", name="Import funding data")).to_be_visible()

    clicks.step("download the projects template")
    with page.expect_download() as download:
        clicks.click(page.get_by_role("link", name="Download the funded projects"))
    header = next(csv.reader(io.StringIO(open(download.value.path()).read())))
    assert header[:4] == ["identifier", "fund", "round", "title"]
    clicks.click(
        page.get_by_text(re.compile(r"The \d+ columns of a funded projects file"))
    )
    staff.screenshot("funding-import-page", full_page=True)
    assert axe_violations(page) == []

    clicks.step("check a file with two mistakes")
    check_file(page, clicks, write(tmp_path, "projects.csv", WITH_MISTAKES))
    expect(page.get_by_role("heading", name="Problems in the file")).to_be_visible()
    problems = page.locator("table").first
    expect(problems).to_contain_text("“£4.35m” is not an amount in pounds")
    expect(problems).to_contain_text("unknown fund “Local Growth Funds”")
    expect(problems).to_contain_text("The funds' slugs are: local-growth-fund")
    expect(page.get_by_role("button", name="Apply this import")).to_have_count(0)
    assert not FundedProject.objects.exists()
    staff.screenshot("funding-import-problems", full_page=True)
    assert axe_violations(page) == []

    clicks.step("check the corrected file")
    check_file(page, clicks, write(tmp_path, "projects-fixed.csv", FIXED))
    preview = page.get_by_role("table", name="What the file would change")
    for title in TITLES:
        expect(preview).to_contain_text(title)
    expect(preview).to_contain_text("£4,440,736.00")
    expect(
        page.get_by_label("As drafts, to check and publish one by one")
    ).to_be_checked()
    staff.screenshot("funding-import-preview", full_page=True)
    assert axe_violations(page) == []

    clicks.step("publish the import")
    clicks.click(page.get_by_label("Published at once"))
    clicks.click(page.get_by_role("button", name="Apply this import"))
    expect(page.get_by_text("Projects imported and published: 4 new")).to_be_visible()
    assert FundedProject.objects.public().count() == 4

    clicks.step("find the projects in the admin list")
    staff.open_menu("Funding", "Projects")
    clicks.add(2)
    listing = page.locator("table.listing")
    for title in TITLES:
        expect(listing.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(listing).to_contain_text("live")
    staff.screenshot("funding-projects-list")

    clicks.step("open a project and check its place on the map")
    clicks.click(listing.get_by_role("link", name="Northumberland Energy Park"))
    map_link = page.get_by_role("link", name="View on OpenStreetMap")
    expect(map_link).to_have_attribute("href", MAP_URL)
    page.get_by_label("Latitude").scroll_into_view_if_needed()
    staff.screenshot("funding-project-edit")

    clicks.step("see the projects live, as a visitor")
    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(journey + "/funding/projects/")
    for title in TITLES:
        expect(public.get_by_role("link", name=title, exact=True)).to_be_visible()
    clicks.click(public.get_by_role("link", name="Northumberland Energy Park"))
    expect(public.get_by_text("£4,440,736")).to_be_visible()
    expect(public.get_by_role("link", name="View on OpenStreetMap")).to_have_attribute(
        "href", MAP_URL
    )
    StaffBrowser(public, journey, "visitor").screenshot("funding-public-project")
    visitor.close()

    with capsys.disabled():
        print("\nFunding editor journey, clicks per step:")
        for name, count in clicks.steps.items():
            print(f"  {name}: {count}")
        print(f"  total: {sum(clicks.steps.values())}")
