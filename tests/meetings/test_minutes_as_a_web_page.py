"""Minutes written in the admin show on the meeting's page as HTML, with attendance and
declarations from their records and a PDF made from the same items; draft (unpublished)
minutes and a confidential item's minutes are never public."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from meetings.models import Attendance, MeetingMinutes, MinutesItem
from tests.meetings.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    CommitteeFactory,
    DeclarationFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def meeting(meetings_index, board_index):
    board = CommitteeFactory(name="Board", slug="board")
    return MeetingFactory(committee=board, title="March Board")


@pytest.fixture
def minutes(meeting):
    budget = AgendaItemFactory(meeting=meeting, number="3", title="Budget")
    secret = AgendaItemFactory(
        meeting=meeting,
        number="4",
        title="Land deal",
        confidential=True,
        confidential_paragraph=3,
    )
    person = PersonFactory(name="Example member 1", live=True)
    AttendanceFactory(meeting=meeting, person=person, status=Attendance.Status.PRESENT)
    DeclarationFactory(agenda_item=budget, person=person, nature="Owns a shop")
    made = MeetingMinutes.objects.create(meeting=meeting, live=True)
    MinutesItem.objects.create(
        minutes=made,
        agenda_item=budget,
        discussion="<p>The Board discussed the &amp; budget.</p>",
        decision="<p>Budget approved.</p>",
    )
    MinutesItem.objects.create(
        minutes=made,
        agenda_item=secret,
        discussion="<p>Price of the secret land.</p>",
        decision="<p>Buy the secret land.</p>",
    )
    return made


def test_published_minutes_show_as_html_with_attendance_declarations_and_pdf(
    client, meeting, minutes
):
    html = client.get(meeting.url).content.decode()

    assert 'id="minutes-heading"' in html
    assert "Draft – subject to approval" in html
    assert "The Board discussed the &amp; budget." in html
    assert "Budget approved." in html
    assert "Example member 1" in html and "Owns a shop" in html
    assert f"/meetings/board/{meeting.pk}/minutes.pdf" in html
    assert "secret land" not in html


def test_the_minutes_pdf_is_made_from_the_same_items(client, meeting, minutes):
    response = client.get(f"/meetings/board/{meeting.pk}/minutes.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "March Board" in text
    assert "3. Budget" in text
    assert "The Board discussed the & budget." in text
    assert "Budget approved." in text
    assert "Example member 1" in text and "Owns a shop" in text
    assert "4. Land deal" in text and "Confidential" in text
    assert "secret land" not in text
    assert reader.metadata.title == "Minutes: March Board"


def test_draft_minutes_are_never_public(client, meeting, minutes):
    minutes.live = False
    minutes.save()

    html = client.get(meeting.url).content.decode()
    assert "Budget approved." not in html
    assert 'id="minutes-heading"' not in html
    assert client.get(f"/meetings/board/{meeting.pk}/minutes.pdf").status_code == 404
    for url in ("/meetings/", "/meetings/feed/", "/sitemap.xml", "/search/?q=Budget"):
        assert "Budget approved." not in client.get(url).content.decode(), url


def test_minutes_of_an_unpublished_meeting_are_not_public(client, meeting, minutes):
    meeting.live = False
    meeting.save()
    assert client.get(f"/meetings/board/{meeting.pk}/minutes.pdf").status_code == 404


def test_a_change_to_published_minutes_shows_on_the_next_view(
    client, meeting, minutes, page_cache
):
    assert "Budget approved." in client.get(meeting.url).content.decode()
    entry = minutes.items.get(agenda_item__number="3")
    entry.decision = "<p>Budget deferred.</p>"
    entry.save()
    html = client.get(meeting.url).content.decode()
    assert "Budget deferred." in html


def secretary():
    user = get_user_model().objects.create_user("sam", password="a-long-pass-phrase")
    user.groups.add(Group.objects.get(name="Board secretaries"))
    return user


def minutes_form(meeting, item, **changes):
    return nested_form_data(
        {
            "meeting": meeting.pk,
            "status": "draft",
            "approved_at": "",
            "introduction": rich_text(""),
            "items": inline_formset(
                [
                    {
                        "agenda_item": item.pk,
                        "discussion": rich_text("<p>Talked it through.</p>"),
                        "decision": rich_text("<p>Agreed.</p>"),
                    }
                ]
            ),
            **changes,
        }
    )


def test_a_secretary_writes_minutes_then_publishes_them(meeting):
    item = AgendaItemFactory(meeting=meeting, number="1", title="Welcome")
    staff = Client()
    staff.force_login(secretary())

    saved = staff.post(
        "/admin/snippets/meetings/meetingminutes/add/", minutes_form(meeting, item)
    )

    assert saved.status_code == 302
    minutes = MeetingMinutes.objects.get()
    assert not minutes.live
    assert "Agreed." not in Client().get(meeting.url).content.decode()

    published = staff.post(
        f"/admin/snippets/meetings/meetingminutes/edit/{minutes.pk}/",
        minutes_form(meeting, item, **{"action-publish": "action-publish"}),
    )
    assert published.status_code == 302
    assert "Agreed." in Client().get(meeting.url).content.decode()


def test_minutes_refuse_an_item_of_another_meeting(meeting):
    elsewhere = AgendaItemFactory(meeting=MeetingFactory(), title="Elsewhere")
    staff = Client()
    staff.force_login(secretary())

    response = staff.post(
        "/admin/snippets/meetings/meetingminutes/add/",
        minutes_form(meeting, elsewhere),
    )

    assert response.status_code == 200
    assert "Choose an item on this meeting" in response.content.decode()
    assert MeetingMinutes.objects.count() == 0


def test_published_web_minutes_meet_the_draft_and_final_minutes_deadlines(
    meeting, minutes
):
    def met(name):
        rows = {row.name: row for row in meeting.deadlines()}
        return rows[name].met if name in rows else None

    assert met("Draft minutes") is True
    minutes.live = False
    minutes.save()
    assert met("Draft minutes") is False

    later = MeetingFactory(
        committee=meeting.committee, start=meeting.start + datetime.timedelta(days=7)
    )
    minutes.status = MeetingMinutes.Status.APPROVED
    minutes.approved_at = later
    minutes.save()
    assert met("Final minutes") is False
    minutes.live = True
    minutes.save()
    assert met("Final minutes") is True
