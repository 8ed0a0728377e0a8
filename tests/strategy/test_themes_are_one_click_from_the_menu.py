"""Those who edit pages reach a theme page from the admin menu in one click."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from strategy.models import ThemePage

pytestmark = pytest.mark.django_db


def menu_links(client):
    page = client.get("/admin/").content.decode()
    props = page.split('id="wagtail-sidebar-props"')[1]
    props = props.split(">", 1)[1].split("</script>", 1)[0]
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "url" in value and "label" in value:
                found.append((value["label"], value["url"]))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props))
    return dict(found)


def signed_in(client, group_name):
    user = get_user_model().objects.create_user(group_name.replace(" ", "-"))
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)


@pytest.mark.parametrize("group_name", ["Communications", "Moderators"])
def test_each_theme_is_in_the_strategy_menu(client, strategy_site, group_name):
    signed_in(client, group_name)
    links = menu_links(client)
    themes = ThemePage.objects.order_by("path")
    assert themes
    for theme in themes:
        assert links[theme.title] == f"/admin/pages/{theme.pk}/edit/"


def test_roles_without_pages_have_no_strategy_menu(client, strategy_site):
    signed_in(client, "Board secretaries")
    assert "All strategy pages" not in menu_links(client)
