"""Settings › Users says which role each person has."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def rows_by_username(page):
    rows = {}
    for row in page.split("<tr")[1:]:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))
        for username in ("ana", "bo", "cy"):
            if f" {username} " in text:
                rows[username] = text
    return rows


def test_the_users_list_has_a_role_column_naming_each_users_groups(client):
    users = get_user_model().objects
    client.force_login(users.create_superuser("admin", "admin@nelep.test", "x"))
    for name, groups in [
        ("ana", ["Communications"]),
        ("bo", ["Moderators", "Communications"]),
        ("cy", []),
    ]:
        users.create_user(name).groups.set(Group.objects.filter(name__in=groups))

    page = client.get("/admin/users/").content.decode()

    assert re.search(r"<th[^>]*>\s*Role\s*</th>", page)
    rows = rows_by_username(page)
    assert "Communications" in rows["ana"]
    assert "Communications, Moderators" in rows["bo"]
    assert "No role" in rows["cy"]
