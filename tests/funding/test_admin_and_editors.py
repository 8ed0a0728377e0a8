import pytest
from django.contrib.auth.models import Group
from django.core import signing

from funding.models import FundedProject
from tests.funding.factories import FundedProjectFactory, FundFactory

pytestmark = pytest.mark.django_db

CSV = (
    "identifier,fund,title,amount_awarded,source_title,source_url\n"
    "lgf-netpark,local-growth-fund,NETPark,25200000,NELEP,https://example.org/\n"
)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Funding editors"))
    return user


def test_the_funding_editors_group_holds_only_funding_permissions():
    group = Group.objects.get(name="Funding editors")
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"funding", "wagtailadmin"}
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"publish_fundedproject", "add_enterprisezonesite", "lock_fund"} <= codenames


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/funding/fund/",
        "/admin/snippets/funding/fundedproject/?stage=complete&local_authority=gateshead",
        "/admin/snippets/funding/enterprisezonesite/?zone_round=1",
        "/admin/snippets/funding/fundround/",
        "/admin/snippets/funding/figure/",
        "/admin/snippets/funding/source/",
        "/admin/snippets/funding/fundedproject/?export=csv",
        "/admin/funding_import/",
    ],
)
def test_a_funding_editor_can_use_the_funding_menu(client, editor, url):
    FundedProjectFactory()
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_the_upload_shows_a_preview_then_applies_the_same_file(client, editor):
    FundFactory(slug="local-growth-fund")
    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("projects.csv", CSV.encode(), "text/csv")
    response = client.post(
        "/admin/funding_import/", {"kind": "projects", "file": upload}
    )
    html = response.content.decode()
    assert "1 new, 0 changed, 0 unchanged" in html and "lgf-netpark" in html
    assert not FundedProject.objects.exists()
    payload = response.context["apply_form"].initial["payload"]
    response = client.post(
        "/admin/funding_import/", {"payload": payload, "publish": "yes"}, follow=True
    )
    assert "Projects imported and published: 1 new" in response.content.decode()
    assert FundedProject.objects.public().get().title == "NETPark"


def test_the_upload_lists_every_bad_row_and_offers_nothing_to_apply(client, editor):
    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = CSV.replace("25200000", '"£1,2x"')
    upload = SimpleUploadedFile("projects.csv", bad.encode(), "text/csv")
    response = client.post(
        "/admin/funding_import/", {"kind": "projects", "file": upload}
    )
    html = response.content.decode()
    assert "unknown fund “local-growth-fund”" in html
    assert "“£1,2x” is not an amount in pounds" in html
    assert "apply_form" not in response.context


def test_a_tampered_preview_is_refused(client, editor):
    client.force_login(editor)
    forged = signing.dumps(("projects", CSV), salt="something-else")
    response = client.post("/admin/funding_import/", {"payload": forged}, follow=True)
    assert "The preview has expired" in response.content.decode()
    assert not FundedProject.objects.exists()


def test_someone_without_funding_permissions_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("other", password="x" * 16)
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    assert client.get("/admin/funding_import/").status_code in {302, 403}


def test_the_admin_csv_export_escapes_cells_a_spreadsheet_would_run(client, editor):
    FundedProjectFactory(title='=HYPERLINK("http://evil.example","Click")')
    client.force_login(editor)
    response = client.get("/admin/snippets/funding/fundedproject/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(" in body
    assert ",=HYPERLINK(" not in body and '"=HYPERLINK(' not in body
