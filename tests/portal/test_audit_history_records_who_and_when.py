"""Every change made in the admin is in Wagtail's history, with who made it and when.

Each kind of record is created, changed, published, unpublished and deleted through
the admin's own views, as an editor would.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from funding.models import FundRound
from meetings.models import Meeting, MeetingDocument
from strategy.models import StandardPage
from tests.funding.factories import FundFactory
from tests.meetings.factories import CommitteeFactory, MeetingFactory, pdf_bytes

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-for-tests"


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        "auditor", "auditor@example.org", PASSWORD
    )
    client.force_login(admin)
    client.user = admin
    return client


def actions_for(entries):
    """The actions in order, a run of the same one counted once (a page's create and
    its first revision are both recorded as edits)."""
    actions = list(entries.order_by("timestamp", "pk").values_list("action", flat=True))
    return [a for i, a in enumerate(actions) if i == 0 or actions[i - 1] != a]


def assert_who_and_when(entries, user, started):
    assert entries.exists()
    for entry in entries:
        assert entry.user_id == user.pk, entry.action
        assert entry.timestamp >= started


def test_page_changes_are_in_its_history(admin_client, home_page):
    started = timezone.now()
    form = {"title": "Skills", "slug": "skills", "summary": "About skills."}
    form["body"] = streamfield([])
    response = admin_client.post(
        f"/admin/pages/add/strategy/standardpage/{home_page.pk}/",
        nested_form_data(form),
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="skills")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form["title"] = "Skills and jobs"
    admin_client.post(edit_url, nested_form_data({**form, "action-publish": "1"}))
    admin_client.post(f"/admin/pages/{page.pk}/unpublish/")
    admin_client.post(f"/admin/pages/{page.pk}/delete/")

    entries = PageLogEntry.objects.filter(page_id=page.pk)
    assert actions_for(entries) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.delete",
    ]
    assert_who_and_when(entries, admin_client.user, started)


def meeting_form(committee, **changes):
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=10))
    return nested_form_data(
        {
            "committee": committee.pk,
            "title": "Board meeting",
            "start": start.strftime("%d/%m/%Y 10:00"),
            "end": start.strftime("%d/%m/%Y 12:00"),
            "venue": "Civic Centre",
            "status": Meeting.Status.SCHEDULED,
            "summary": "",
            "agenda_items": inline_formset([]),
            **changes,
        }
    )


def test_meeting_changes_are_in_its_history(admin_client):
    started = timezone.now()
    committee = CommitteeFactory()
    base = "/admin/snippets/meetings/meeting/"
    assert admin_client.post(f"{base}add/", meeting_form(committee)).status_code == 302
    meeting = Meeting.objects.get(title="Board meeting")
    admin_client.post(
        f"{base}edit/{meeting.pk}/",
        meeting_form(committee, title="Board meeting (AGM)", **{"action-publish": "1"}),
    )
    admin_client.post(f"{base}unpublish/{meeting.pk}/")
    admin_client.post(f"{base}delete/{meeting.pk}/")

    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    entries = ModelLogEntry.objects.filter(
        content_type__model="meeting", object_id=str(meeting.pk)
    )
    assert actions_for(entries) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.delete",
    ]
    assert_who_and_when(entries, admin_client.user, started)


def documents_form(document, **changes):
    fields = {
        "id": document.pk,
        "title": document.title,
        "kind": document.kind,
        "agenda_item": "",
        "publication": document.publication,
        "publish_at": "",
        "minutes_status": "",
        "approved_at": "",
        **changes,
    }
    data = {f"documents-0-{name}": value for name, value in fields.items()}
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "1",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "save": "1",
        }
    )
    return data


def test_meeting_document_changes_are_in_its_history(admin_client):
    started = timezone.now()
    meeting = MeetingFactory()
    documents_url = f"/admin/meetings/meeting/{meeting.pk}/documents/"
    upload = SimpleUploadedFile(
        "skills-paper.pdf", pdf_bytes("Skills paper"), "application/pdf"
    )
    admin_client.post(documents_url, {"upload": "1", "files": [upload]})
    document = MeetingDocument.objects.get(meeting=meeting)

    published = documents_form(document, publication="published")
    admin_client.post(documents_url, published)
    admin_client.post(
        documents_url,
        documents_form(document, publication="unpublished", title="Skills (v2)"),
    )
    release = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    admin_client.post(
        documents_url,
        documents_form(
            document,
            title="Skills (v2)",
            publication="scheduled",
            publish_at=release.strftime("%Y-%m-%dT%H:%M"),
        ),
    )
    admin_client.post(f"/admin/snippets/meetings/meetingdocument/delete/{document.pk}/")

    assert not MeetingDocument.objects.filter(pk=document.pk).exists()
    entries = ModelLogEntry.objects.filter(
        content_type__model="meetingdocument", object_id=str(document.pk)
    )
    assert actions_for(entries) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish",
        # The test's paper is untagged: publishing it records the warning.
        "meetings.publish_failing_checks",
        "wagtail.edit",
        "wagtail.unpublish",
        "wagtail.edit",
        "meetings.schedule_document",
        "meetings.publish_failing_checks",
        "wagtail.delete",
    ]
    assert_who_and_when(entries, admin_client.user, started)
    scheduled = entries.get(action="meetings.schedule_document")
    assert scheduled.data["release"].startswith(release.strftime("%d %b %Y %H:%M"))
    assert scheduled.data["release"][-3:] in ("GMT", "BST")


ROUNDS = (
    "identifier,fund,name,amount_secured,status,source_title,source_url\n"
    "growth-deal-3,local-growth-fund,Growth Deal 3,{amount},allocated,NELEP,"
    "https://example.org/lgf\n"
)


def import_rounds(client, amount):
    upload = SimpleUploadedFile("rounds.csv", ROUNDS.format(amount=amount).encode())
    preview = client.post("/admin/funding_import/", {"kind": "rounds", "file": upload})
    assert preview.context["report"].ok, preview.context["report"].errors
    payload = preview.context["apply_form"].initial["payload"]
    client.post("/admin/funding_import/", {"payload": payload, "publish": "yes"})


def test_funding_record_changes_are_in_its_history(admin_client):
    started = timezone.now()
    FundFactory(name="Local Growth Fund", slug="local-growth-fund")
    import_rounds(admin_client, "1000000")
    import_rounds(admin_client, "1250000")
    funding_round = FundRound.objects.get(identifier="growth-deal-3")
    assert funding_round.amount_secured == 1250000
    base = "/admin/snippets/funding/fundround/"
    admin_client.post(f"{base}unpublish/{funding_round.pk}/")
    admin_client.post(f"{base}delete/{funding_round.pk}/")

    assert not FundRound.objects.filter(pk=funding_round.pk).exists()
    entries = ModelLogEntry.objects.filter(
        content_type__model="fundround", object_id=str(funding_round.pk)
    )
    assert actions_for(entries) == [
        "wagtail.create",
        "wagtail.publish",
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.delete",
    ]
    assert_who_and_when(entries, admin_client.user, started)


def test_user_changes_are_in_the_history_and_the_site_history_report(admin_client):
    started = timezone.now()
    details = {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "first_name": "New",
        "last_name": "Comer",
    }
    passwords = {"password1": PASSWORD, "password2": PASSWORD}
    response = admin_client.post("/admin/users/new/", {**details, **passwords})
    assert response.status_code == 302
    newcomer = get_user_model().objects.get(username="newcomer")
    edit_url = reverse("wagtailusers_users:edit", args=[newcomer.pk])
    response = admin_client.post(edit_url, {**details, "last_name": "Colleague"})
    assert response.status_code == 302
    admin_client.post(reverse("wagtailusers_users:delete", args=[newcomer.pk]))

    assert not get_user_model().objects.filter(username="newcomer").exists()
    entries = ModelLogEntry.objects.filter(
        content_type__model="user", object_id=str(newcomer.pk)
    )
    assert actions_for(entries) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.delete",
    ]
    assert_who_and_when(entries, admin_client.user, started)

    report = admin_client.get("/admin/reports/site-history/").content.decode()
    assert "New Colleague" in report or "newcomer" in report
    assert "auditor" in report
