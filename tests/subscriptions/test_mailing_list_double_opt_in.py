"""Mailing list sign-up: double opt-in, expiry, unsubscribe, non-revealing replies."""

import datetime
import time

import pytest
from django.core import signing
from django.core.management import call_command
from django.utils import timezone

from subscriptions import links
from subscriptions.models import MailingListSubscriber
from subscriptions.signup import MAILING_LIST_CONSENT
from tests.subscriptions.conftest import link_to, path_of

pytestmark = pytest.mark.django_db

SIGNUP = "/subscriptions/mailing-list/"


def sign_up(client, email, **extra):
    return client.post(SIGNUP, {"email": email, "website": "", **extra})


def test_every_page_footer_has_a_signup_form_without_a_csrf_token(client, home_page):
    response = client.get(home_page.url)
    html = response.content.decode()
    assert 'action="/subscriptions/mailing-list/"' in html
    assert 'autocomplete="email"' in html
    assert MAILING_LIST_CONSENT in html.replace("&#x27;", "'")
    assert "csrfmiddlewaretoken" not in html


def test_signup_from_the_footer_is_confirmed_through_the_emailed_link(
    client, home_page, outbox
):
    client.handler.enforce_csrf_checks = True
    response = sign_up(client, " Reader@Example.org ")
    assert response.status_code == 302
    assert response["Location"] == "/subscriptions/check-your-inbox/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()

    subscriber = MailingListSubscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.confirmed_at is None
    assert subscriber.consent_text == MAILING_LIST_CONSENT
    assert len(outbox) == 1
    assert outbox[0].to == ["reader@example.org"]

    confirm = path_of(link_to(outbox[0], "/confirm/"))
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Confirm my subscription" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None, "following the link alone confirms nothing"

    page = client.post(confirm)
    assert "You are subscribed" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert subscriber.consented_at <= subscriber.confirmed_at <= timezone.now()


def test_responses_are_identical_for_new_pending_confirmed_and_repeated_addresses(
    client, home_page, outbox
):
    MailingListSubscriber.objects.create(
        email="known@example.org", consent_text="x", confirmed_at=timezone.now()
    )
    MailingListSubscriber.objects.create(email="pending@example.org", consent_text="x")
    responses = [
        sign_up(client, email)
        for email in (
            "new@example.org",
            "pending@example.org",
            "known@example.org",
            "new@example.org",
        )
    ]
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, "/subscriptions/check-your-inbox/")
    }
    subjects = {message.to[0]: message.subject for message in outbox}
    assert "already subscribed" in subjects["known@example.org"]
    assert "confirm" in subjects["pending@example.org"]
    assert "/unsubscribe/" in outbox[2].body
    assert MailingListSubscriber.objects.filter(email="new@example.org").count() == 1


def test_a_malformed_address_gets_a_form_error_and_changes_nothing(
    client, home_page, outbox
):
    response = sign_up(client, "not-an-address")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter an email address in the right format" in html
    assert 'aria-describedby="id_email_error"' in html
    assert MailingListSubscriber.objects.count() == 0
    assert outbox == []


def test_a_confirmation_link_older_than_48_hours_is_refused(
    client, home_page, monkeypatch
):
    subscriber = MailingListSubscriber.objects.create(
        email="late@example.org", consent_text="x"
    )
    two_days_ago = time.time() - links.CONFIRM_MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(signing.time, "time", lambda: two_days_ago)
    old_link = links.confirm_url(subscriber)
    monkeypatch.undo()

    response = client.get(path_of(old_link))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert "sign up" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None

    tampered = client.get(path_of(links.confirm_url(subscriber)) + "x/")
    assert tampered.status_code in (400, 404)


def test_unsubscribe_link_shows_a_button_and_only_the_post_removes(
    client, home_page, outbox
):
    sign_up(client, "leaver@example.org")
    message = outbox[0]
    url = link_to(message, "/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )

    page = client.get(path_of(url))
    assert page.status_code == 200
    assert "<button" in page.content.decode()
    assert MailingListSubscriber.objects.count() == 1

    client.handler.enforce_csrf_checks = True
    done = client.post(path_of(url), {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "You have unsubscribed" in done.content.decode()
    assert MailingListSubscriber.objects.count() == 0


def test_the_purge_deletes_only_unconfirmed_addresses_older_than_7_days(home_page):
    old = timezone.now() - datetime.timedelta(days=8)
    MailingListSubscriber.objects.create(
        email="stale@example.org", consent_text="x", created_at=old
    )
    MailingListSubscriber.objects.create(email="fresh@example.org", consent_text="x")
    MailingListSubscriber.objects.create(
        email="kept@example.org", consent_text="x", created_at=old, confirmed_at=old
    )
    call_command("purge_unconfirmed_subscriptions", stdout=open("/dev/null", "w"))
    assert set(MailingListSubscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "kept@example.org",
    }


def test_a_robot_filling_the_honeypot_sees_success_but_nothing_happens(
    client, home_page, outbox
):
    response = sign_up(client, "bot@example.org", website="http://spam.example")
    assert response.status_code == 302
    assert MailingListSubscriber.objects.count() == 0
    assert outbox == []


def test_signups_are_rate_limited_per_ip_and_per_address(client, home_page, outbox):
    for _ in range(5):
        sign_up(client, "same@example.org")
    assert len(outbox) == 3, "at most three emails a day to one address"
    for number in range(5):
        assert sign_up(client, f"person{number}@example.org").status_code == 302
    refused = sign_up(client, "one-too-many@example.org")
    assert refused.status_code == 429
    assert "try again" in refused.content.decode()
    assert not MailingListSubscriber.objects.filter(
        email="one-too-many@example.org"
    ).exists()


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(
    client, home_page, settings
):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1

    def from_visitor(address, email):
        data = {"email": email, "website": ""}
        return client.post(SIGNUP, data, HTTP_X_FORWARDED_FOR=address)

    for number in range(10):
        from_visitor("198.51.100.1", f"a{number}@example.org")
    assert from_visitor("198.51.100.1", "a@example.org").status_code == 429
    assert from_visitor("198.51.100.2", "b@example.org").status_code == 302


def test_a_mail_scanner_following_the_link_confirms_nothing(client, home_page):
    subscriber = MailingListSubscriber.objects.create(
        email="scanned@example.org", consent_text="x"
    )
    link = path_of(links.confirm_url(subscriber))
    for _ in range(3):
        page = client.get(link)
        assert page.status_code == 200
        assert 'method="post"' in page.content.decode()
        assert client.head(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://attacker.example/page.html"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
@pytest.mark.parametrize(
    "url", [SIGNUP, "/subscriptions/alerts/", "/subscriptions/your-data/erase/"]
)
def test_posts_from_another_site_are_refused(client, home_page, outbox, url, headers):
    response = client.post(
        url, {"email": "victim@example.org", "committee": "", "website": ""}, **headers
    )
    assert response.status_code == 403
    assert "sent from another website" in response.content.decode()
    assert outbox == []
    assert not MailingListSubscriber.objects.exists()


def test_posts_from_our_own_pages_are_accepted(client, home_page, outbox):
    response = sign_up(
        client,
        "reader@example.org",
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert len(outbox) == 1
