"""`make run PORT=…` gives one address to the site, the admin emails and output."""

import io
import os
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Site

from tests.factories import StrategyPageFactory, ThemePageFactory

pytestmark = pytest.mark.django_db


def test_the_default_site_moves_to_the_development_server():
    call_command("use_local_site_address", "--port", "8765")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8765"


def test_a_site_whose_address_was_set_is_left_alone():
    Site.objects.filter(is_default_site=True).update(
        hostname="portal.example.org", port=443
    )
    call_command("use_local_site_address")
    assert Site.objects.get(is_default_site=True).root_url == (
        "https://portal.example.org"
    )


def test_a_development_site_follows_the_server_to_another_port():
    call_command("use_local_site_address", "--port", "8000")
    call_command("use_local_site_address", "--port", "8100")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8100"


def test_make_run_gives_its_address_to_the_admin_and_its_emails(tmp_path):
    """`make run PORT=8100`: every step sees WAGTAILADMIN_BASE_URL on port 8100."""
    python = tmp_path / "python"
    python.write_text('#!/bin/sh\necho "$WAGTAILADMIN_BASE_URL $*"\n')
    python.chmod(0o755)
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("WAGTAILADMIN_BASE_URL", "MAKEFLAGS", "PORT", "HOST")
    }
    steps = subprocess.run(
        ["make", "-s", "run", "PORT=8100", "INSTALLED=", f"PY={python}"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "http://127.0.0.1:8100 manage.py ensure_local_admin" in steps
    assert "http://127.0.0.1:8100 manage.py runserver 127.0.0.1:8100" in steps
    assert "8000" not in steps


def test_ensure_local_admin_prints_the_servers_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8100"
    output = io.StringIO()
    call_command("ensure_local_admin", stdout=output)
    assert "Sign in at http://127.0.0.1:8100/admin/ " in output.getvalue()
    output = io.StringIO()
    call_command("ensure_local_admin", stdout=output)
    assert "http://127.0.0.1:8100/admin/" in output.getvalue()


def test_the_local_admin_can_save_its_own_account_unchanged(admin_client_for_local):
    client, admin = admin_client_for_local
    response = client.post(
        f"/admin/users/edit/{admin.pk}/",
        {
            "username": admin.username,
            "email": admin.email,
            "first_name": admin.first_name,
            "last_name": admin.last_name,
        },
    )
    assert response.status_code == 302, response.context["form"].errors


@pytest.fixture
def admin_client_for_local(client, home_page):
    call_command("ensure_local_admin", stdout=io.StringIO())
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    return client, admin


def test_moderation_emails_link_to_the_servers_port(settings, mailoutbox, home_page):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8100"
    moderator = get_user_model().objects.create_user(
        "moderator", "moderator@example.org", "a-long-pass-phrase-for-tests"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    author = get_user_model().objects.create_user(
        "author", "author@example.org", "a-long-pass-phrase-for-tests"
    )
    theme = ThemePageFactory(parent=StrategyPageFactory(parent=home_page))
    theme.save_revision(user=author)
    theme.get_workflow().start(theme, author)

    [email] = [m for m in mailoutbox if "moderator@example.org" in m.to]
    assert f"http://127.0.0.1:8100/admin/pages/{theme.pk}/" in email.body
