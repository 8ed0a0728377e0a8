"""The alert digest: what became public since confirmation, once, and nothing else."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import MeetingDocument
from subscriptions.digest import send_digests
from subscriptions.models import AlertDelivery, AlertSubscription
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.subscriptions.conftest import link_to, links_in, path_of

pytestmark = pytest.mark.django_db

Publication = MeetingDocument.Publication


@pytest.fixture
def board(meetings_index):
    return CommitteeFactory(name="Board", slug="board")


@pytest.fixture
def audit(meetings_index):
    return CommitteeFactory(name="Audit Committee", slug="audit")


def confirmed(email, committee=None, when=None):
    return AlertSubscription.objects.create(
        email=email,
        committee=committee,
        consent_text="Email me new papers.",
        confirmed_at=when or timezone.now() - datetime.timedelta(days=1),
    )


def paper(committee, title, **fields):
    meeting = fields.pop("meeting", None) or MeetingFactory(committee=committee)
    return MeetingDocumentFactory(meeting=meeting, title=title, **fields)


def test_one_digest_per_subscriber_lists_each_new_public_paper_with_its_link(
    client, board, audit, outbox
):
    everything = confirmed("all@example.org")
    board_only = confirmed("board@example.org", committee=board)
    meeting = MeetingFactory(committee=board)
    paper(board, "Budget 2027", meeting=meeting)
    paper(board, "Skills plan", meeting=meeting)
    paper(audit, "Risk register")

    assert send_digests() == 2
    by_address = {message.to[0]: message for message in outbox}
    assert len(outbox) == 2

    for_all = by_address["all@example.org"].body
    assert "Budget 2027" in for_all and "Risk register" in for_all
    for_board = by_address["board@example.org"].body
    assert "Budget 2027" in for_board and "Skills plan" in for_board
    assert "Risk register" not in for_board

    document = MeetingDocument.objects.get(title="Budget 2027")
    paper_link = f"http://localhost{document.get_url()}"
    assert paper_link in links_in(by_address["board@example.org"])
    assert client.get(path_of(paper_link)).status_code == 200
    unsubscribe = link_to(by_address["board@example.org"], "/unsubscribe/")
    assert by_address["board@example.org"].extra_headers["List-Unsubscribe"] == (
        f"<{unsubscribe}>"
    )
    assert AlertDelivery.objects.filter(subscription=everything).count() == 3
    assert AlertDelivery.objects.filter(subscription=board_only).count() == 2


def test_a_second_run_sends_nothing_again_and_later_papers_only(board, outbox):
    confirmed("reader@example.org")
    paper(board, "First paper")
    call_command("send_alert_digests", stdout=open("/dev/null", "w"))
    assert len(outbox) == 1

    call_command("send_alert_digests", stdout=open("/dev/null", "w"))
    assert len(outbox) == 1, "nothing new: no email"

    paper(board, "Second paper")
    send_digests()
    assert len(outbox) == 2
    assert "Second paper" in outbox[1].body
    assert "First paper" not in outbox[1].body


def test_draft_confidential_unpublished_and_future_papers_are_never_sent(board, outbox):
    confirmed("reader@example.org")
    paper(board, "Public paper")
    paper(board, "Unpublished paper", publication=Publication.UNPUBLISHED)
    paper(
        board,
        "Scheduled for next week",
        publication=Publication.SCHEDULED,
        publish_at=timezone.now() + datetime.timedelta(days=7),
    )
    paper(board, "Paper of a draft meeting", meeting=MeetingFactory(live=False))
    secret_item = AgendaItemFactory(
        confidential=True,
        confidential_reason="Commercially sensitive",
        meeting=MeetingFactory(committee=board),
    )
    paper(
        board,
        "Confidential paper",
        meeting=secret_item.meeting,
        agenda_item=secret_item,
    )
    unconfirmed = AlertSubscription.objects.create(
        email="pending@example.org", consent_text="x"
    )

    send_digests()
    assert [message.to for message in outbox] == [["reader@example.org"]]
    body = outbox[0].body
    assert "Public paper" in body
    for title in (
        "Unpublished paper",
        "Scheduled for next week",
        "Paper of a draft meeting",
        "Confidential paper",
    ):
        assert title not in body
    assert not AlertDelivery.objects.filter(subscription=unconfirmed).exists()


def test_papers_public_before_the_subscription_was_confirmed_are_not_sent(
    board, outbox
):
    old = paper(board, "Old paper")
    MeetingDocument.objects.filter(pk=old.pk).update(
        published_at=timezone.now() - datetime.timedelta(days=30)
    )
    confirmed("new@example.org", when=timezone.now() - datetime.timedelta(days=2))
    scheduled = paper(
        board,
        "Scheduled yesterday",
        publication=Publication.SCHEDULED,
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )
    send_digests()
    assert len(outbox) == 1
    assert scheduled.title in outbox[0].body
    assert "Old paper" not in outbox[0].body


def test_the_digest_runs_the_same_queries_for_one_paper_or_twenty(board, outbox):
    confirmed("reader@example.org")
    paper(board, "Only paper")
    with CaptureQueriesContext(connection) as one:
        send_digests()
    for number in range(20):
        paper(board, f"Paper {number}")
    with CaptureQueriesContext(connection) as twenty:
        send_digests()
    assert len(outbox) == 2
    assert outbox[1].body.count("Paper ") >= 20
    assert len(twenty) <= len(one)


def test_a_visitor_subscribes_to_a_committee_from_its_page_with_double_opt_in(
    client, board, meetings_index, outbox
):
    committee_page = client.get(f"{meetings_index.url}board/").content.decode()
    assert 'href="/subscriptions/alerts/?committee=board"' in committee_page
    assert (
        'href="/subscriptions/alerts/"'
        in client.get(meetings_index.url).content.decode()
    )

    form = client.get("/subscriptions/alerts/?committee=board").content.decode()
    assert '<option value="board" selected>Board</option>' in form

    response = client.post(
        "/subscriptions/alerts/",
        {"committee": "board", "email": "watcher@example.org", "website": ""},
    )
    assert response["Location"] == "/subscriptions/check-your-inbox/"
    subscription = AlertSubscription.objects.get()
    assert (subscription.committee, subscription.confirmed_at) == (board, None)
    assert send_digests() == 0, "nothing is sent before confirmation"

    page = client.post(path_of(link_to(outbox[0], "/confirm/")))
    assert "alerts of new papers for Board" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    bad = client.post(
        "/subscriptions/alerts/",
        {"committee": "no-such-committee", "email": "watcher@example.org"},
    )
    assert bad.status_code == 400
    assert "Choose a committee from the list" in bad.content.decode()
    assert AlertSubscription.objects.count() == 1
