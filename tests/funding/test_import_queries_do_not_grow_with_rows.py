"""Checking and applying a file of projects that already exist reads the same queries
per batch however many rows the batch holds: no query a row for its fund or round."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.importing import import_csv
from funding.models import FundedProject
from tests.funding.factories import FundFactory, FundRoundFactory

pytestmark = pytest.mark.django_db

HEADER = "identifier,fund,round,title,amount_awarded,source_title,source_url\n"


def projects_csv(count, amount=1000):
    return HEADER + "".join(
        f"row-{n},local-growth-fund,growth-deal-2014,Example project {n},"
        f"{amount + n},Example source,https://example.org/source\n"
        for n in range(count)
    )


@pytest.fixture(autouse=True)
def fund():
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    FundRoundFactory(identifier="growth-deal-2014", fund=fund)
    return fund


def reads_to_import(text, dry_run):
    with CaptureQueriesContext(connection) as queries:
        report = import_csv(text, "projects", dry_run=dry_run)
    assert report.ok, report.errors
    return [q["sql"] for q in queries if q["sql"].lstrip().startswith("SELECT")]


@pytest.mark.parametrize("dry_run", [True, False], ids=["check", "write"])
def test_unchanged_rows_are_checked_without_a_read_each(dry_run):
    assert import_csv(projects_csv(200), "projects").ok

    few = reads_to_import(projects_csv(20), dry_run)
    many = reads_to_import(projects_csv(200), dry_run)

    assert len(many) == len(few)


def test_changed_rows_are_written_without_a_read_each():
    assert import_csv(projects_csv(200), "projects").ok

    few = reads_to_import(projects_csv(20, amount=5000), dry_run=False)
    many = reads_to_import(projects_csv(200, amount=9000), dry_run=False)

    assert len(many) == len(few)
    assert FundedProject.objects.get(identifier="row-199").amount_awarded == 9199
