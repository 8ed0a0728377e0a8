"""A funding editor imports a large file in Chromium: the job worker checks it, then
writes it, while the progress page shows rows done and rows left, then the result.

The rows are examples written by the test (``Example project N``), not real projects.
"""

import pytest
from playwright.sync_api import expect

from funding import import_jobs
from funding.models import FundedProject
from portal.ops.jobs import run_queued_jobs
from tests.accessibility import axe_violations
from tests.funding.factories import FundFactory
from tests.journeys import StaffBrowser, create_staff

pytestmark = [
    pytest.mark.browser,
    pytest.mark.journey,
    pytest.mark.django_db(transaction=True),
]

ROWS = 1200
HEADER = "identifier,fund,title,amount_awarded,source_title,source_url\n"


@pytest.fixture
def journey(live_server, settings, funding_page, django_user_model, monkeypatch):
    settings.PORTAL_REQUIRE_2FA = True
    monkeypatch.setattr(import_jobs, "BACKGROUND_FROM_BYTES", 10_000)
    FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    create_staff(django_user_model, "funder", "Funding editors")
    return live_server.url


def test_a_funding_editor_follows_a_large_import_to_its_result(page, journey, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text(
        HEADER
        + "".join(
            f"example-{n},local-growth-fund,Example project {n},{1000 + n},"
            "Example source,https://example.org/source\n"
            for n in range(1, ROWS + 1)
        ),
        encoding="utf-8",
    )
    staff = StaffBrowser(page, journey, "funder")
    staff.sign_in()
    staff.open_menu("Funding", "Import CSV")
    page.get_by_label("What the file holds").select_option(label="Funded projects")
    page.get_by_label("CSV file", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", name="Checking the file")).to_be_visible()
    progress = page.locator("dl.funding-import-progress")
    expect(progress).to_contain_text(str(ROWS))
    expect(page.get_by_role("link", name="Show the latest progress")).to_be_visible()
    assert axe_violations(page) == []

    run_queued_jobs()  # The job worker checks the file; the page updates itself.
    expect(page.get_by_role("heading", name="Preview")).to_be_visible(timeout=30_000)
    expect(
        page.get_by_text(f"Projects would be imported (dry run): {ROWS} new")
    ).to_be_visible()
    assert not FundedProject.objects.exists()

    page.get_by_label("Published at once").click()
    page.get_by_role("button", name="Apply this import").click()
    expect(page.get_by_role("heading", name="Importing the file")).to_be_visible(
        timeout=30_000
    )
    assert axe_violations(page) == []

    run_queued_jobs()
    expect(page.get_by_role("heading", name="Result")).to_be_visible(timeout=30_000)
    expect(
        page.get_by_text(f"Projects imported and published: {ROWS} new")
    ).to_be_visible()
    assert FundedProject.objects.public().count() == ROWS
