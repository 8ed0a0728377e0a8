"""A password without the code does not open what is kept for signed-in users."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from strategy.models import StandardPage
from tests.portal.test_two_factor import PASSWORD, code_from, enter_code, sign_in

pytestmark = pytest.mark.django_db

SECRET = "Board away-day notes for signed-in staff"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture
def editor_app(django_user_model):
    user = django_user_model.objects.create_user("editor", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Communications"))
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


@pytest.fixture
def staff_page(home_page):
    page = StandardPage(title="Staff notes", slug="staff-notes", summary=SECRET)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


@pytest.fixture
def staff_document(db):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return get_document_model().objects.create(
        title="Staff rota",
        collection=collection,
        file=ContentFile(SECRET.encode(), name="rota.csv"),
    )


def body(response):
    if response.has_header("Content-Disposition") or response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_a_page_for_signed_in_users_asks_a_half_signed_in_visitor_for_the_code(
    client, editor_app, staff_page
):
    sign_in(client)
    response = client.get("/staff-notes/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fstaff-notes%2F"
    assert SECRET not in body(response)

    entered = enter_code(client, code_from(editor_app), next_url="/staff-notes/")
    assert entered["Location"] == "/staff-notes/"
    assert SECRET in body(client.get("/staff-notes/"))


def test_a_private_document_collection_asks_a_half_signed_in_visitor_for_the_code(
    client, editor_app, staff_document
):
    sign_in(client)
    response = client.get(staff_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/?next=")
    assert SECRET not in body(response)

    enter_code(client, code_from(editor_app), next_url=staff_document.url)
    assert SECRET in body(client.get(staff_document.url))


def test_a_half_signed_in_visitor_reads_public_pages_as_anyone_does(
    client, editor_app, home_page
):
    sign_in(client)
    response = client.get("/")
    assert response.status_code == 200
    assert "wagtail-userbar" not in response.content.decode()
