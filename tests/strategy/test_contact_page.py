"""The contact form: stored, emailed to the site settings address, kept from spam."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from portal.models import SiteSettings
from strategy.models import ContactPage
from tests.factories import contact_page as make_contact_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home_page):
    page = make_contact_page(home_page)
    settings = SiteSettings.for_site(page.get_site())
    settings.contact_email = "enquiries@nelep.co.uk"
    settings.save()
    mail.outbox.clear()
    return page


def message(**changes):
    return {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "subject": "Board papers",
        "message": "Where are last month's minutes?",
        "homepage": "",
        **changes,
    }


def test_the_contact_page_shows_four_labelled_fields_and_a_hidden_trap(
    client, contact_page
):
    html = client.get(contact_page.url).content.decode()
    for label in ("Name", "Email", "Subject", "Message"):
        assert f">{label}</label>" in html
    assert 'aria-hidden="true"' in html and "Leave this field empty" in html
    assert 'maxlength="5000"' in html


def test_a_message_is_stored_emailed_to_the_contact_address_and_thanked(
    client, contact_page
):
    response = client.post(contact_page.url, message())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()

    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data["email"] == "ada@example.org"
    assert "homepage" not in submission.form_data
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["enquiries@nelep.co.uk"]
    assert email.reply_to == ["ada@example.org"]
    assert "Where are last month's minutes?" in email.body


def test_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(client, contact_page):
    response = client.post(contact_page.url, message(homepage="http://spam.example"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_too_long_or_missing_fields_get_a_message_and_change_nothing(
    client, contact_page
):
    response = client.post(contact_page.url, message(message="x" * 5001, name=""))
    html = response.content.decode()
    assert "There is a problem" in html
    assert "at most 5000 characters" in html
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_messages_are_rate_limited_per_ip(client, contact_page):
    for _ in range(ContactPage.MESSAGES_PER_IP):
        assert client.post(contact_page.url, message()).status_code == 200
    refused = client.post(contact_page.url, message())
    assert refused.status_code == 429
    assert "too many messages" in refused.content.decode()
    assert FormSubmission.objects.count() == ContactPage.MESSAGES_PER_IP
    other = client.post(contact_page.url, message(), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200
