"""`make run` points Wagtail's default site at the development server, once."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

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
