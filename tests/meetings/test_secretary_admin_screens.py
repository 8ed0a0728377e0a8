"""The board secretary's admin screens: each works, and says what is public now."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from meetings.models import AgendaItem, Meeting, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.meetings.upload_samples import good_pdf

MEETINGS = "wagtailsnippets_meetings_meeting"
DOCUMENTS = "wagtailsnippets_meetings_meetingdocument"


def meeting_form(committee, **fields):
    data = {
        "committee": committee.pk,
        "title": "Board",
        "start": "14/01/2027 10:00",
        "end": "14/01/2027 12:00",
        "venue": "Room 1",
        "status": "scheduled",
        "summary": "",
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-MIN_NUM_FORMS": "0",
        "agenda_items-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_papers_edit_page_opens_and_a_replacement_keeps_its_address(
    client, secretary, meetings_index
):
    document = MeetingDocumentFactory(title="Budget", file_name="budget.pdf")
    address = document.url
    edit = reverse(f"{DOCUMENTS}:edit", args=[document.pk])

    page = client.get(edit)
    assert page.status_code == 200
    assert "budget.pdf" in page.content.decode()
    assert "Live now" in page.content.decode()

    client.post(
        edit,
        {
            "meeting": document.meeting_id,
            "kind": "paper",
            "title": "Budget",
            "publication": "published",
            "file": SimpleUploadedFile("Budget v2.pdf", good_pdf("Budget v2")),
        },
    )
    document.refresh_from_db()
    assert document.file_name == "budget-v2.pdf"
    assert document.url == address
    assert [v.file_name for v in document.versions.all()] == ["budget.pdf"]
    assert "budget.pdf" in client.get(edit).content.decode().split("Earlier")[1]
    assert client.get(address).status_code == 200


def test_meeting_titles_in_the_list_link_to_their_edit_page(client, secretary):
    meeting = MeetingFactory(title="Spring Board")
    html = client.get(reverse(f"{MEETINGS}:list")).content.decode()
    edit = reverse(f"{MEETINGS}:edit", args=[meeting.pk])
    assert re.search(rf'<a href="{edit}">\s*<span [^>]*>Spring Board<', html)
    assert "Upload and publish papers" in html
    assert ">Meeting<" in html or "Meeting\n" in html


def test_selected_rows_are_counted_as_meetings_and_papers(client, secretary):
    MeetingDocumentFactory()
    for name, noun in ((MEETINGS, "meeting"), (DOCUMENTS, "paper")):
        html = client.get(reverse(f"{name}:list")).content.decode()
        assert f"1 {noun} selected" in html
        assert f'data-bulk-action-footer="{noun.upper()}"' in html


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"end": "14/01/2027 10:00"}, "end", "must end after it starts"),
        ({"end": "14/01/2027 09:00"}, "end", "must end after it starts"),
        (
            {"start": "14/02/2027 10:00", "end": "14/02/2027 12:00", "status": "held"},
            "status",
            "cannot be held before it starts",
        ),
    ],
)
def test_impossible_meetings_are_refused(
    clock, client, secretary, fields, field, message
):
    committee = CommitteeFactory()
    response = client.post(
        reverse(f"{MEETINGS}:add"), meeting_form(committee, **fields)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_minutes_are_approved_at_a_later_meeting_of_their_committee(db, clock):
    earlier = MeetingFactory()
    recorded = MeetingFactory(
        committee=earlier.committee, start=earlier.start + datetime.timedelta(days=7)
    )
    minutes = MeetingDocumentFactory(
        meeting=recorded, kind="minutes", minutes_status="approved"
    )
    for wrong in (earlier, recorded):
        minutes.approved_at = wrong
        with pytest.raises(Exception, match="later meeting"):
            minutes.full_clean()


def test_two_quick_saves_of_a_new_meeting_make_one_meeting(client, secretary):
    add = reverse(f"{MEETINGS}:add")
    page = client.get(add).content.decode()
    key = re.search(r'name="creation_key" value="([^"]+)"', page).group(1)
    data = meeting_form(CommitteeFactory(), creation_key=key)

    autosave = client.post(add, data, HTTP_ACCEPT="application/json")
    save_draft = client.post(add, {**data, "summary": "Typed since"})

    assert autosave.status_code == 200 and save_draft.status_code == 302
    meeting = Meeting.objects.get()
    assert str(meeting.uid) == key
    assert meeting.latest_revision.as_object().summary == "Typed since"


def test_withdrawing_a_paper_takes_it_off_the_public_side_at_once(
    client, secretary, meetings_index
):
    document = MeetingDocumentFactory(title="Skills plan")
    address = document.url
    meeting_page = document.meeting.url
    assert client.get(address).status_code == 200

    client.post(
        reverse("meetings_admin_withdraw_document", args=[document.pk]),
        HTTP_REFERER=reverse("meetings_admin_documents", args=[document.meeting_id]),
    )

    history = client.get(reverse(f"{DOCUMENTS}:history", args=[document.pk]))
    assert "Withdrawn from the public" in history.content.decode()
    assert ModelLogEntry.objects.filter(
        object_id=str(document.pk), action="meetings.withdraw_document"
    ).exists()
    client.logout()
    assert client.get(address).status_code == 404
    assert "Skills plan" not in client.get(meeting_page).content.decode()


def test_withdrawing_an_items_papers_unpublishes_each(client, secretary):
    item = AgendaItemFactory(number="3")
    papers = MeetingDocumentFactory.create_batch(
        2, meeting=item.meeting, agenda_item=item
    )
    client.post(reverse("meetings_admin_withdraw_item", args=[item.pk]))
    assert (
        not MeetingDocument.objects.public()
        .filter(pk__in=[p.pk for p in papers])
        .exists()
    )


def test_marking_an_item_confidential_in_a_draft_withholds_its_papers_now(
    client, secretary, meetings_index
):
    meeting = MeetingFactory(title="Board")
    item = AgendaItemFactory(meeting=meeting, number="1", title="Land deal")
    paper = MeetingDocumentFactory(meeting=meeting, agenda_item=item)
    assert client.get(paper.url).status_code == 200
    edit = reverse(f"{MEETINGS}:edit", args=[meeting.pk])
    data = meeting_form(
        meeting.committee,
        start=timezone.localtime(meeting.start).strftime("%d/%m/%Y %H:%M"),
        end=timezone.localtime(meeting.end).strftime("%d/%m/%Y %H:%M"),
        status="held",
        **{
            "agenda_items-TOTAL_FORMS": "1",
            "agenda_items-INITIAL_FORMS": "1",
            "agenda_items-0-id": item.pk,
            "agenda_items-0-ORDER": "1",
            "agenda_items-0-number": "1",
            "agenda_items-0-title": "Land deal",
            "agenda_items-0-confidential": "on",
            "agenda_items-0-confidential_reason": "Commercially sensitive",
        },
    )

    response = client.post(edit, data)

    assert response.status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).confidential
    assert "Not public:" in client.get(edit).content.decode()
    client.logout()
    assert client.get(paper.url).status_code == 404


def test_the_papers_page_names_the_meeting_and_shows_fields_where_they_apply(
    client, secretary
):
    meeting = MeetingFactory(title="Spring Board")
    committee = meeting.committee
    day = datetime.timedelta(days=1)
    MeetingFactory(committee=committee, title="Earlier", start=meeting.start - 9 * day)
    MeetingFactory(committee=committee, title="Summer", start=meeting.start + 30 * day)
    MeetingFactory(title="Other committee", start=meeting.start + 30 * day)
    MeetingDocumentFactory(meeting=meeting, title="Plan", file_name="plan.pdf")
    MeetingDocumentFactory(
        meeting=meeting, kind="minutes", minutes_status="draft", file_name="mins.pdf"
    )
    url = reverse("meetings_admin_documents", args=[meeting.pk])
    html = client.get(url).content.decode()

    assert '<h2 class="w-h1" id="meeting-heading">Papers for Spring Board</h2>' in html
    paper = html.split('data-document="plan.pdf"')[1].split("</fieldset>")[0]
    minutes = html.split('data-document="mins.pdf"')[1].split("</fieldset>")[0]
    assert re.search(r'\["minutes"\]}\' hidden>\s*<p>\s*<label[^>]*>Minutes', paper)
    assert re.search(r'\["minutes"\]}\'>\s*<p>\s*<label[^>]*>Minutes', minutes)
    assert re.search(
        r'\["scheduled"\]}\' hidden>\s*<p>\s*<label[^>]*>Publish at', paper
    )
    approved_at = re.search(
        r'<select name="[^"]*approved_at".*?</select>', minutes, re.S
    )
    approved_at = approved_at.group(0)
    assert "Summer" in approved_at
    assert "Earlier" not in approved_at and "Other committee" not in approved_at
    assert 'type="datetime-local"' not in html
    assert "Withdraw “Plan” now" in paper and "Delete" in paper


def test_files_named_for_an_agenda_item_are_filed_under_it(client, secretary):
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting, number="3")
    client.post(
        reverse("meetings_admin_documents", args=[meeting.pk]),
        {
            "upload": "1",
            "files": [
                SimpleUploadedFile("Item 3   Chief  Executive report.pdf", good_pdf())
            ],
        },
    )
    document = MeetingDocument.objects.get()
    assert document.agenda_item == item
    assert document.title == "Item 3 Chief Executive report"
