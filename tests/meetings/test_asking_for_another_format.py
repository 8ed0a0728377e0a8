"""A visitor asks for a paper in another format: the request is kept with its response
deadline, emailed to the board secretaries, shown on their dashboard until done, and
old papers are listed with a way to ask for them in place of the download."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from wagtail.models import Site

from meetings.models import BoardSettings, FormatRequest, Meeting, MeetingDocument
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.usefixtures("clock")

SECRETARIES = "secretaries@partnership.example.net"
VALID = {
    "format": "large-print",
    "details": "Size 18 please",
    "name": "Ada Visitor",
    "email": "ada@visitor.example.net",
}


@pytest.fixture
def paper(meetings_index):
    board = CommitteeFactory(name="Board", slug="board")
    meeting = MeetingFactory(committee=board, title="March Board")
    return MeetingDocumentFactory(meeting=meeting, title="Budget paper")


@pytest.fixture
def secretaries_address(home_page):
    settings = BoardSettings.for_site(Site.objects.get(is_default_site=True))
    settings.format_requests_email = SECRETARIES
    settings.save()
    return settings


def form_url(document):
    return f"/meetings/documents/{document.pk}/other-format/"


def test_each_public_paper_links_to_the_form_naming_it(client, paper):
    html = client.get(paper.meeting.url).content.decode()
    assert f'href="{form_url(paper)}"' in html
    assert "I need this in another format" in html

    page = client.get(form_url(paper))
    assert page.status_code == 200
    assert "Budget paper" in page.content.decode()
    assert "no-cache" in page["Cache-Control"]


def test_a_request_is_kept_with_a_deadline_of_15_working_days_and_emailed(
    client, paper, secretaries_address
):
    response = client.post(form_url(paper), VALID)

    assert response.status_code == 200
    made = FormatRequest.objects.get()
    assert (made.document, made.paper_title) == (paper, "Budget paper")
    assert (made.format, made.name, made.email) == (
        "large-print",
        "Ada Visitor",
        "ada@visitor.example.net",
    )
    assert made.status == FormatRequest.Status.OPEN
    # Received on Thursday 14 January 2027: 15 working days on.
    assert made.due_on == datetime.date(2027, 2, 4)
    assert "4 February 2027" in response.content.decode()
    assert (
        "private" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )
    [email] = mail.outbox
    assert email.to == [SECRETARIES]
    assert email.reply_to == ["ada@visitor.example.net"]
    assert "Budget paper" in email.subject
    assert "Large print" in email.body and "Size 18 please" in email.body
    assert "4 February 2027" in email.body


def test_the_deadline_is_a_board_setting_and_skips_bank_holidays(
    client, paper, secretaries_address, clock
):
    secretaries_address.format_request_days = 3
    secretaries_address.save()
    clock.move_to(datetime.datetime(2027, 3, 24, 12, tzinfo=datetime.UTC))  # Wed

    client.post(form_url(paper), VALID)

    # Good Friday 26 March and Easter Monday 29 March 2027 do not count.
    assert FormatRequest.objects.get().due_on == datetime.date(2027, 3, 31)


def test_without_an_address_the_request_is_only_kept(client, paper):
    client.post(form_url(paper), VALID)

    assert FormatRequest.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"format": ""}, "Choose the format you need."),
        ({"format": "braille-in-gold"}, "Select a valid choice."),
        ({"format": "other", "details": " "}, "Tell us which format you need."),
        ({"name": ""}, "Enter your name"),
        ({"email": "not-an-address"}, "Enter an email address like"),
        ({"details": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_bad_input_says_what_is_wrong_and_keeps_nothing(
    client, paper, secretaries_address, changes, message
):
    response = client.post(form_url(paper), {**VALID, **changes})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert FormatRequest.objects.count() == 0
    assert mail.outbox == []


def test_a_filled_trap_field_looks_sent_but_keeps_nothing(
    client, paper, secretaries_address
):
    response = client.post(form_url(paper), {**VALID, "homepage": "http://spam"})

    assert response.status_code == 200
    assert FormatRequest.objects.count() == 0
    assert mail.outbox == []


def test_requests_are_rate_limited_per_connection(client, paper):
    for _ in range(5):
        assert client.post(form_url(paper), VALID).status_code == 200

    response = client.post(form_url(paper), VALID)

    assert response.status_code == 429
    assert "too many requests" in response.content.decode()
    assert FormatRequest.objects.count() == 5


def test_a_post_without_the_csrf_token_or_from_another_site_is_refused(paper):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(form_url(paper), VALID).status_code == 403

    strict.get(form_url(paper))
    token = strict.cookies["csrftoken"].value
    other_site = strict.post(
        form_url(paper),
        {**VALID, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://attacker.example.net",
    )
    assert other_site.status_code == 403
    assert FormatRequest.objects.count() == 0

    same_site = strict.post(form_url(paper), {**VALID, "csrfmiddlewaretoken": token})
    assert same_site.status_code == 200
    assert FormatRequest.objects.count() == 1


def test_papers_the_public_cannot_see_cannot_be_asked_for(client, paper):
    hidden = [
        MeetingDocumentFactory(
            meeting=paper.meeting,
            publication=MeetingDocument.Publication.UNPUBLISHED,
        ),
        MeetingDocumentFactory(
            meeting=paper.meeting,
            agenda_item=AgendaItemFactory(
                meeting=paper.meeting, confidential=True, confidential_paragraph=3
            ),
        ),
        MeetingDocumentFactory(meeting=MeetingFactory(live=False)),
    ]
    for document in hidden:
        assert client.get(form_url(document)).status_code == 404
        assert client.post(form_url(document), VALID).status_code == 404
    assert FormatRequest.objects.count() == 0


def test_the_page_cache_never_keeps_a_request_or_its_answer(client, paper, page_cache):
    client.post(form_url(paper), VALID)
    fresh = Client()

    again = fresh.get(form_url(paper)).content.decode()
    meeting_page = fresh.get(paper.meeting.url).content.decode()

    for html in (again, meeting_page):
        assert "Ada Visitor" not in html
        assert "ada@visitor.example.net" not in html


def test_requests_personal_data_is_never_public(client, paper):
    client.post(form_url(paper), VALID)
    public = [
        paper.meeting.url,
        "/meetings/",
        "/meetings/feed/",
        "/meetings/board/",
        "/sitemap.xml",
        "/search/?q=Ada",
        "/search/?q=Budget",
        form_url(paper),
    ]
    for url in public:
        html = Client().get(url).content.decode()
        assert "Ada Visitor" not in html, url
        assert "ada@visitor.example.net" not in html, url
        assert "Size 18 please" not in html, url


def requests_panel(client):
    html = client.get("/admin/").content.decode()
    start = html.find('id="meetings-format-requests-heading"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def secretary(name="sam"):
    user = get_user_model().objects.create_user(name, password="a-long-pass-phrase")
    user.groups.add(Group.objects.get(name="Board secretaries"))
    return user


def test_the_dashboard_lists_open_requests_with_deadlines_for_secretaries_only(
    client, paper
):
    client.post(form_url(paper), VALID)
    FormatRequest.objects.create(
        document=paper,
        paper_title="Answered already",
        format="easy-read",
        name="Bo",
        email="bo@example.net",
        due_on=datetime.date(2027, 1, 20),
        status=FormatRequest.Status.DONE,
    )
    staff = Client()
    staff.force_login(secretary())

    html = requests_panel(staff)

    assert "Requests for another format" in html
    assert "Budget paper" in html and "4 February 2027" in html
    assert "Answered already" not in html
    assert "No address is set for these requests" in html

    communications = get_user_model().objects.create_user("cora", password="x" * 20)
    communications.groups.add(Group.objects.get(name="Communications"))
    staff.force_login(communications)
    assert requests_panel(staff) == ""
    listing = staff.get("/admin/snippets/meetings/formatrequest/")
    assert listing.status_code in (302, 403)


def test_a_secretary_marks_a_request_done_and_it_leaves_the_dashboard(client, paper):
    client.post(form_url(paper), VALID)
    made = FormatRequest.objects.get()
    user = secretary()
    staff = Client()
    staff.force_login(user)

    response = staff.post(
        f"/admin/snippets/meetings/formatrequest/edit/{made.pk}/",
        {
            "due_on": "2027-02-04",
            "email": made.email,
            "status": "done",
            "response_note": "Sent a large print copy by email.",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    made.refresh_from_db()
    assert made.status == FormatRequest.Status.DONE
    assert made.done_by == user and made.done_at is not None
    assert "Budget paper" not in requests_panel(staff)
    assert "No requests are waiting" in requests_panel(staff)
    history = staff.get(f"/admin/snippets/meetings/formatrequest/history/{made.pk}/")
    assert history.status_code == 200


def test_old_papers_leave_the_list_with_a_way_to_ask_for_them(
    client, meetings_index, settings, clock
):
    settings.MEETINGS_PAPERS_LISTED_MONTHS = 12
    board = CommitteeFactory(name="Board", slug="board")
    start = datetime.datetime(2026, 1, 20, 14, tzinfo=datetime.UTC)
    meeting = MeetingFactory(committee=board, start=start, status=Meeting.Status.HELD)
    document = MeetingDocumentFactory(meeting=meeting, title="Old budget")
    download = f"/meetings/documents/{document.pk}/"

    # 14 January 2027: the meeting is not yet 12 months old.
    html = client.get(meeting.url).content.decode()
    assert f'href="{download}"' in html

    clock.move_to(datetime.datetime(2027, 1, 21, 10, tzinfo=datetime.UTC))
    html = client.get(meeting.url).content.decode()
    assert f'href="{download}"' not in html
    assert "Old budget" in html
    assert "Papers over 12 months old are no longer listed" in html
    assert f'href="{form_url(document)}"' in html
    assert "agenda-pack.pdf" not in html
    # The form names the paper, and the request is taken as for any paper.
    assert "Old budget" in client.get(form_url(document)).content.decode()
    assert client.post(form_url(document), VALID).status_code == 200
    assert FormatRequest.objects.get().paper_title == "Old budget"


def test_with_no_age_set_every_paper_stays_listed(client, paper, settings, clock):
    settings.MEETINGS_PAPERS_LISTED_MONTHS = 0
    clock.shift(datetime.timedelta(days=3650))
    html = client.get(paper.meeting.url).content.decode()
    assert f'href="/meetings/documents/{paper.pk}/"' in html


def test_papers_growing_old_is_a_change_the_cache_expects(meetings_index, settings):
    from meetings import cdn

    settings.MEETINGS_PAPERS_LISTED_MONTHS = 12
    start = datetime.datetime(2026, 3, 31, 14, tzinfo=datetime.UTC)
    MeetingFactory(start=start, status=Meeting.Status.HELD)

    now = datetime.datetime(2027, 1, 14, 10, tzinfo=datetime.UTC)
    assert cdn.next_change(now) == datetime.datetime(
        2027, 3, 31, 14, 0, 1, tzinfo=datetime.UTC
    )
