"""Communications staff list and export confirmed subscribers, and erase an address;
a visitor can erase their own data through an emailed link."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from strategy.models import StandardPage
from strategy.seed import STANDARD_PAGES
from subscriptions.models import AlertSubscription, Erasure, MailingListSubscriber
from tests.factories import contact_page
from tests.meetings.factories import CommitteeFactory
from tests.subscriptions.conftest import link_to, path_of

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/subscriptions/mailinglistsubscriber/"


@pytest.fixture
def communications(client):
    user = get_user_model().objects.create_user(
        "comms", password="a-long-pass-phrase-for-tests"
    )
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)
    return user


def subscriber(email, confirmed=True):
    return MailingListSubscriber.objects.create(
        email=email,
        consent_text="Email me the news.",
        confirmed_at=timezone.now() if confirmed else None,
    )


def exported_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_export_holds_confirmed_subscribers_only_even_when_filtered(
    client, communications
):
    subscriber("confirmed@example.org")
    subscriber("=cmd@example.org")
    subscriber("pending@example.org", confirmed=False)

    listing = client.get(LIST_URL)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "pending@example.org" in html, "the list shows everyone"
    assert "/add/" not in html.split("<main", 1)[-1], "staff cannot add people"

    response = client.get(f"{LIST_URL}?export=csv")
    assert response.status_code == 200
    emails = {row["Email"] for row in exported_rows(response)}
    assert emails == {"confirmed@example.org", "'=cmd@example.org"}
    asking_for_unconfirmed = client.get(f"{LIST_URL}?export=csv&confirmed=false")
    assert exported_rows(asking_for_unconfirmed) == []
    row = exported_rows(client.get(f"{LIST_URL}?export=csv"))[0]
    assert row["Consent text"] == "Email me the news."

    assert client.get(f"{LIST_URL}add/").status_code in (302, 403)


def test_alert_subscriptions_are_listed_and_exported_with_their_committee(
    client, communications
):
    committee = CommitteeFactory(name="Audit Committee")
    AlertSubscription.objects.create(
        email="audit@example.org",
        committee=committee,
        consent_text="x",
        confirmed_at=timezone.now(),
    )
    AlertSubscription.objects.create(email="all@example.org", consent_text="x")
    url = "/admin/snippets/subscriptions/alertsubscription/"
    listing = client.get(url).content.decode()
    assert "Audit Committee" in listing and "all@example.org" in listing
    rows = exported_rows(client.get(f"{url}?export=csv"))
    assert [(row["Email"], row["Committee name"]) for row in rows] == [
        ("audit@example.org", "Audit Committee")
    ]


def test_erasing_from_the_admin_removes_every_trace_of_the_address(
    client, communications, home_page
):
    target = subscriber("target@example.org")
    subscriber("other@example.org")
    AlertSubscription.objects.create(
        email="target@example.org", committee=CommitteeFactory(), consent_text="x"
    )
    AlertSubscription.objects.create(email="target@example.org", consent_text="x")
    contact = contact_page(home_page)
    FormSubmission.objects.create(
        page=contact, form_data={"name": "T", "email": "Target@Example.org"}
    )
    FormSubmission.objects.create(
        page=contact, form_data={"name": "O", "email": "other@example.org"}
    )

    delete_url = f"{LIST_URL}delete/{target.pk}/"
    confirm = client.get(delete_url)
    assert "Erase everything" in confirm.content.decode()
    response = client.post(delete_url, follow=True)
    assert response.status_code == 200
    assert "Erased 1 mailing list subscription(s), 2 alert(s) and 1 contact" in (
        response.content.decode()
    )

    assert list(MailingListSubscriber.objects.values_list("email", flat=True)) == [
        "other@example.org"
    ]
    assert not AlertSubscription.objects.exists()
    assert [s.form_data["email"] for s in FormSubmission.objects.all()] == [
        "other@example.org"
    ]
    erasure = Erasure.objects.get()
    assert (erasure.source, erasure.erased_by) == (Erasure.Source.STAFF, "comms")
    record = str(
        Erasure.objects.values_list().get()
    )  # every stored column of the record
    assert "target" not in record.lower()
    erasures = client.get("/admin/snippets/subscriptions/erasure/").content.decode()
    assert "Staff, from the admin" in erasures
    assert "target@example.org" not in erasures


@pytest.fixture
def privacy_notice(home_page):
    """The seed's privacy notice, without the rest of the seed."""
    fields = next(page for page in STANDARD_PAGES if page["slug"] == "privacy")
    page = StandardPage(**{**fields, "body": json.dumps(fields["body"])})
    home_page.add_child(instance=page)
    return page


def test_a_visitor_erases_their_data_through_a_signed_link(
    client, privacy_notice, outbox
):
    subscriber("me@example.org")
    AlertSubscription.objects.create(email="me@example.org", consent_text="x")

    privacy = client.get(privacy_notice.url).content.decode()
    assert 'href="/subscriptions/your-data/erase/"' in privacy
    for email in ("me@example.org", "stranger@example.org"):
        response = client.post(
            "/subscriptions/your-data/erase/", {"email": email, "website": ""}
        )
        assert response["Location"] == "/subscriptions/your-data/erase/requested/"
    assert [message.to for message in outbox] == [
        ["me@example.org"],
        ["stranger@example.org"],
    ]

    link = path_of(link_to(outbox[0], "/your-data/erase/"))
    assert "Erase my data" in client.get(link).content.decode()
    assert MailingListSubscriber.objects.exists(), "opening the link changes nothing"
    done = client.post(link)
    assert "Your data has been erased" in done.content.decode()
    assert not MailingListSubscriber.objects.exists()
    assert not AlertSubscription.objects.exists()
    assert Erasure.objects.get().source == Erasure.Source.VISITOR

    assert client.post(link + "tampered/").status_code == 404
    assert client.post(link[:-5] + "abcd/").status_code == 400


def test_the_admin_action_log_never_keeps_an_address(client, communications):
    from wagtail.models import ModelLogEntry

    gone = subscriber("bulk@example.org")
    response = client.post(
        f"/admin/bulk/subscriptions/mailinglistsubscriber/delete/?id={gone.pk}",
        {"next": LIST_URL},
    )
    assert response.status_code == 302
    assert not MailingListSubscriber.objects.exists()
    assert Erasure.objects.get().subscriptions == 1, "a bulk delete is an erasure too"
    labels = " ".join(ModelLogEntry.objects.values_list("label", flat=True))
    assert "bulk@example.org" not in labels
