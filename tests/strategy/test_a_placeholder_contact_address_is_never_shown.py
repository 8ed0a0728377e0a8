"""The seed's info@example.org reaches nobody: the public sees the contact form instead,
messages are kept but not sent to it, and the deployment check says so."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


def set_contact_email(site_home, address):
    settings = SiteSettings.for_site(site_home.get_site())
    settings.contact_email = address
    settings.save()


def test_the_footer_links_the_contact_form_while_the_address_is_an_example(
    client, strategy_site
):
    html = client.get("/").content.decode()

    assert "example.org" not in html
    assert 'Get in touch: use our <a href="/contact/">contact form</a>' in html


def test_the_footer_shows_a_real_address_once_an_editor_sets_it(client, strategy_site):
    set_contact_email(strategy_site, "enquiries@nelep.co.uk")

    html = client.get("/").content.decode()

    assert 'href="mailto:enquiries@nelep.co.uk"' in html


def test_a_message_is_not_sent_to_an_example_address(client, strategy_site, settings):
    settings.MANAGERS = [("Web team", "web@nelep.co.uk")]
    mail.outbox.clear()

    client.post(
        "/contact/",
        {
            "name": "Ada",
            "email": "ada@nelep.co.uk",
            "subject": "Papers",
            "message": "Hello",
            "homepage": "",
        },
    )

    assert [m.to for m in mail.outbox] == [["web@nelep.co.uk"]]


def test_the_deployment_check_fails_while_the_address_is_an_example(strategy_site):
    with pytest.raises(SystemCheckError, match="portal.E010"):
        call_command("check", deploy=True, tags=["content"])

    set_contact_email(strategy_site, "enquiries@nelep.co.uk")
    call_command("check", deploy=True, tags=["content"])
