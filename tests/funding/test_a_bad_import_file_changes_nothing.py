"""Whatever is wrong with a file, the editor gets a report by line, and nothing changes.

The rows are the Local Growth Fund projects named in /work/shared/seed/facts.md.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry, Revision

from funding.models import FundedProject, Source
from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db

HEADER = "identifier,fund,title,amount_awarded,source_title\n"
NETPARK = "lgf-netpark,local-growth-fund,NETPark,25200000,nelep.co.uk\n"
IAMP = "lgf-iamp,local-growth-fund,IAMP,41150000,northeast-ca.gov.uk\n"

BAD_FILES = {
    "a misspelt column": (
        (HEADER.replace("amount_awarded", "amount") + NETPARK).encode(),
        [
            (1, "amount_awarded", "this column is missing from the first line"),
        ],
    ),
    "a column named twice": (
        ("title," + HEADER + "x," + NETPARK).encode(),
        [(1, "title", "this column is named twice in the first line")],
    ),
    "a bad number": (
        (HEADER + IAMP + NETPARK.replace("25200000", "25.2m")).encode(),
        [(3, "amount_awarded", "“25.2m” is not an amount in pounds")],
    ),
    "an unknown fund": (
        (HEADER + NETPARK.replace("local-growth-fund", "lgf")).encode(),
        [(2, "fund", "unknown fund “lgf”: use a fund's slug or name")],
    ),
    "a file not in UTF-8": (
        (HEADER + NETPARK.replace("NETPark", "NETPark Sedgefield Café")).encode(
            "latin-1"
        ),
        [(2, "", "the file is not UTF-8 text")],
    ),
    "an empty file": (b"", [(1, "", "the file is empty")]),
    "column names only": (
        HEADER.encode(),
        [(2, "", "the file has no rows after the first line")],
    ),
    "the same row twice": (
        (HEADER + NETPARK + IAMP + NETPARK).encode(),
        [(4, "identifier", "duplicate identifier “lgf-netpark”: it is also on line 2")],
    ),
}


def state():
    return (
        list(FundedProject.objects.values_list("identifier", "amount_awarded", "live")),
        Source.objects.count(),
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
    )


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_reported_by_line_and_column_and_changes_nothing(
    client, editor, name
):
    data, expected = BAD_FILES[name]
    fund = FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    FundedProjectFactory(identifier="lgf-iamp", fund=fund, amount_awarded=1)
    before = state()
    upload = SimpleUploadedFile("projects.csv", data, "text/csv")
    response = client.post(
        "/admin/funding_import/", {"kind": "projects", "file": upload}
    )
    report = response.context["report"]
    found = [(e.line, e.column, e.reason) for e in report.errors]
    for line, column, reason in expected:
        assert any(
            (line, column) == (got_line, got_column) and got.startswith(reason)
            for got_line, got_column, got in found
        ), found
    html = response.content.decode()
    assert "Problems in the file" in html and "nothing was imported" in html
    assert "apply_form" not in response.context
    assert state() == before
