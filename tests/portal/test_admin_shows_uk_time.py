"""The admin shows and takes times as UK time, and says whether that is GMT or BST."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from meetings.models import Meeting, MeetingDocument
from tests.factories import StandardPageFactory
from tests.meetings.factories import (
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
WINTER = datetime.datetime(2027, 1, 14, 10, 0, tzinfo=UTC)  # 10:00 GMT
SUMMER = datetime.datetime(2027, 7, 14, 9, 0, tzinfo=UTC)  # 10:00 BST


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser(
        "clock", "clock@example.org", "a-long-pass-phrase-for-tests"
    )
    client.force_login(admin)
    return client


def test_meeting_and_document_lists_show_uk_time_with_the_zone(admin_client):
    MeetingFactory(title="Winter board", start=WINTER, end=WINTER)
    summer = MeetingFactory(title="Summer board", start=SUMMER, end=SUMMER)
    MeetingDocumentFactory(
        meeting=summer,
        title="Summer paper",
        publication=MeetingDocument.Publication.SCHEDULED,
        publish_at=SUMMER,
    )

    meetings = admin_client.get("/admin/snippets/meetings/meeting/").content.decode()
    assert "14 Jan 2027 10:00 GMT" in meetings
    assert "14 Jul 2027 10:00 BST" in meetings

    documents = admin_client.get(
        "/admin/snippets/meetings/meetingdocument/"
    ).content.decode()
    assert "14 Jul 2027 10:00 BST" in documents


def test_schedule_and_meeting_time_inputs_say_uk_time(admin_client, home_page):
    page = StandardPageFactory(parent=home_page)
    meeting = MeetingFactory()
    for url in (
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/snippets/meetings/meeting/edit/{meeting.pk}/",
    ):
        content = admin_client.get(url).content.decode()
        assert "UK time (GMT/BST)" in content, url
    page_editor = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'id="id_go_live_at-zone"' in page_editor


def test_a_time_typed_in_summer_is_read_as_bst(admin_client):
    committee = CommitteeFactory()
    form = nested_form_data(
        {
            "committee": committee.pk,
            "title": "Summer board",
            "start": "14/07/2027 10:00",
            "end": "14/07/2027 12:00",
            "venue": "",
            "status": Meeting.Status.SCHEDULED,
            "summary": "",
            "agenda_items": inline_formset([]),
        }
    )
    response = admin_client.post("/admin/snippets/meetings/meeting/add/", form)
    assert response.status_code == 302
    assert Meeting.objects.get(title="Summer board").start == SUMMER


def test_editors_have_no_other_time_zone_to_choose(admin_client):
    preferences = admin_client.get("/admin/account/").content.decode()
    assert "America/New_York" not in preferences
