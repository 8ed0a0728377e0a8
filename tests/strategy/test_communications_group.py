import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from strategy.models import StrategyPage

pytestmark = pytest.mark.django_db

documents_policy = policy_registry.get_by_type(get_document_model())
images_policy = policy_registry.get_by_type(get_image_model())


@pytest.fixture
def communications_editor(strategy_site):
    user = get_user_model().objects.create_user("comms", password="a-long-pass-phrase")
    user.groups.add(Group.objects.get(name="Communications"))
    return user


def test_communications_can_edit_and_add_pages_but_moderators_publish(
    communications_editor,
):
    strategy = StrategyPage.objects.get()
    permissions = strategy.permissions_for_user(communications_editor)
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()
    assert not permissions.can_delete()


def test_communications_can_open_the_page_editor_and_site_settings(
    client, communications_editor
):
    client.force_login(communications_editor)
    strategy = StrategyPage.objects.get()
    assert client.get(f"/admin/pages/{strategy.pk}/edit/").status_code == 200
    assert client.get("/admin/settings/portal/sitesettings/").status_code in (200, 302)
    assert communications_editor.has_perm("portal.change_sitesettings")
    assert images_policy.user_has_permission(communications_editor, "add")
    assert documents_policy.user_has_permission(communications_editor, "add")
    assert client.get("/admin/images/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200


def test_communications_cannot_manage_users_or_groups(client, communications_editor):
    client.force_login(communications_editor)
    for url in ("/admin/users/", "/admin/groups/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert not communications_editor.has_perm("auth.change_user")
    assert not communications_editor.has_perm("auth.change_group")
