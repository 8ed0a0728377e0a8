"""The import page says what to write, and the editor chooses drafts or publishing.

The rows below are the Local Growth Fund projects named in /work/shared/seed/facts.md,
with their published amounts and sources.
"""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from funding.importing import IMPORTERS
from funding.models import FundedProject
from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db

IMPORT = "/admin/funding_import/"
CSV = (
    "identifier,fund,title,amount_awarded,latitude,longitude,source_title,source_url\n"
    "lgf-northumberland-energy-park,local-growth-fund,Northumberland Energy Park,"
    "4440736,55.12700,-1.50800,northeast-ca.gov.uk/projects/local-growth-fund,"
    "https://northeast-ca.gov.uk/projects/local-growth-fund\n"
    "lgf-netpark,Local Growth Fund,NETPark,25200000,,,"
    "nelep.co.uk/tag/local-growth-fund,https://nelep.co.uk/tag/local-growth-fund\n"
)


@pytest.fixture
def fund():
    return FundFactory(name="Local Growth Fund", slug="local-growth-fund")


def check(client, text, kind="projects"):
    upload = SimpleUploadedFile(f"{kind}.csv", text.encode(), "text/csv")
    return client.post(IMPORT, {"kind": kind, "file": upload})


def apply(client, preview, **choice):
    payload = preview.context["apply_form"].initial["payload"]
    return client.post(IMPORT, {"payload": payload, **choice}, follow=True)


def test_the_page_lists_each_column_required_or_not_with_format_and_example(
    client, editor
):
    html = client.get(IMPORT).content.decode()
    assert "<code>amount_awarded</code>" in html
    assert "An amount in pounds, like 4440736 or £4,440,736.00" in html
    assert "<code>4440736</code>" in html
    assert "The fund&#x27;s slug (Funding › Funds, Slug column) or its name" in html
    assert "Required" in html and "Optional" in html
    for kind in IMPORTERS:
        assert f'href="/admin/funding_import/template/{kind}.csv"' in html


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_the_template_file_names_every_column_the_import_reads(client, editor, kind):
    response = client.get(f"/admin/funding_import/template/{kind}.csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="{kind}-template.csv"'
    )
    header = next(csv.reader(io.StringIO(response.content.decode())))
    assert header == list(IMPORTERS[kind].all_columns())
    assert header[-3:] == ["source_title", "source_url", "source_accessed"]


def test_a_filled_in_template_imports(client, editor, fund):
    template = client.get("/admin/funding_import/template/projects.csv")
    header = next(csv.reader(io.StringIO(template.content.decode())))
    row = dict.fromkeys(header, "")
    row.update(
        identifier="lgf-netpark",
        fund="local-growth-fund",
        title="NETPark",
        amount_awarded="25200000",
        source_title="nelep.co.uk/tag/local-growth-fund",
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, header)
    writer.writeheader()
    writer.writerow(row)
    assert check(client, out.getvalue()).context["report"].ok


def test_only_funding_editors_get_the_template(client, django_user_model):
    user = django_user_model.objects.create_user("comms", password="x" * 16)
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    response = client.get("/admin/funding_import/template/projects.csv")
    assert response.status_code in {302, 403}


def test_an_unknown_kind_of_template_is_not_found(client, editor):
    assert client.get("/admin/funding_import/template/people.csv").status_code == 404


def test_the_funds_list_shows_each_funds_slug(client, editor, fund):
    html = client.get("/admin/snippets/funding/fund/").content.decode()
    assert "local-growth-fund" in html


def test_an_unknown_fund_is_answered_with_the_slugs_there_are(client, editor, fund):
    FundFactory(name="Growing Places Fund", slug="growing-places-fund")
    preview = check(client, CSV.replace(",local-growth-fund,", ",lgf,"))
    html = preview.content.decode()
    assert "unknown fund “lgf”" in html
    assert "The funds&#x27; slugs are: growing-places-fund, local-growth-fund" in html


def test_the_preview_lists_each_rows_title_fund_and_amount(client, editor, fund):
    preview = check(client, CSV)
    html = preview.content.decode()
    assert "Northumberland Energy Park" in html and "NETPark" in html
    assert "£4,440,736.00" in html and "£25,200,000.00" in html
    assert "<td>Local Growth Fund</td>" in html
    assert not FundedProject.objects.exists()


def test_imported_rows_are_drafts_unless_the_editor_publishes_them(
    client, editor, fund
):
    response = apply(client, check(client, CSV))
    assert "Projects imported as drafts: 2 new" in response.content.decode()
    assert FundedProject.objects.count() == 2
    assert not FundedProject.objects.public().exists()
    assert all(p.has_unpublished_changes for p in FundedProject.objects.all())
    listing = client.get("/admin/snippets/funding/fundedproject/").content.decode()
    assert "Publication" in listing
    assert re.search(r'class="w-status\s*"[^>]*>\s*draft\s*<', listing)

    response = apply(client, check(client, CSV), publish="yes")
    assert "Projects imported and published: 0 new, 2 changed" in (
        response.content.decode()
    )
    assert FundedProject.objects.public().count() == 2


def test_a_draft_import_keeps_the_published_version_public(client, editor, fund):
    FundedProjectFactory(
        identifier="lgf-netpark", fund=fund, title="NETPark", amount_awarded=1
    )
    apply(client, check(client, CSV))
    netpark = FundedProject.objects.public().get(identifier="lgf-netpark")
    assert netpark.amount_awarded == 1
    assert netpark.has_unpublished_changes
    assert netpark.get_latest_revision_as_object().amount_awarded == 25200000


def test_published_rows_are_public_at_once(client, editor, fund):
    response = apply(client, check(client, CSV), publish="yes")
    assert "Projects imported and published: 2 new" in response.content.decode()
    assert FundedProject.objects.public().count() == 2


def test_the_preview_says_what_a_changed_row_changes(client, editor, fund):
    FundedProjectFactory(
        identifier="lgf-netpark",
        fund=fund,
        title="NETPark",
        amount_awarded=1,
        local_authority="",
        stage="",
        latitude=None,
        longitude=None,
        source__title="nelep.co.uk/tag/local-growth-fund",
        source__url="https://nelep.co.uk/tag/local-growth-fund",
    )
    html = check(client, CSV).content.decode()
    assert "Amount awarded: £1.00 → £25,200,000.00" in html
    assert "Title:" not in html


def test_a_column_left_out_keeps_what_is_saved(client, editor, fund):
    FundedProjectFactory(
        identifier="lgf-northumberland-energy-park",
        fund=fund,
        title="Northumberland Energy Park",
        recipient="Kept as it was",
        amount_awarded=1,
        latitude=Decimal("55.12700"),
        longitude=Decimal("-1.50800"),
    )
    without_places = (
        "identifier,fund,title,amount_awarded,source_title\n"
        "lgf-northumberland-energy-park,local-growth-fund,Northumberland Energy Park,"
        "4440736,northeast-ca.gov.uk/projects/local-growth-fund\n"
    )
    apply(client, check(client, without_places), publish="yes")
    project = FundedProject.objects.get(identifier="lgf-northumberland-energy-park")
    assert project.amount_awarded == 4440736
    assert project.recipient == "Kept as it was"
    assert project.latitude == Decimal("55.12700")
