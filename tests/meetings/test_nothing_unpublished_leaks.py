"""An anonymous visitor, following every URL the site offers, never sees a hidden paper.

Hidden: unpublished, scheduled for later, attached to a confidential item, belonging
to an unpublished meeting, or only in a meeting's unpublished draft revision; web
minutes not yet published, and the name and address of anyone who asked for a paper
in another format.
"""

import datetime
import io
import re
from urllib.parse import urljoin, urlparse

import pytest
from django.utils import timezone
from pypdf import PdfReader

from meetings import accessibility
from meetings.models import (
    FormatRequest,
    MeetingDocument,
    MeetingMinutes,
    MinutesItem,
    PaperCheck,
)
from tests.factories import StandardPageFactory
from tests.meetings.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DecisionFactory,
    ForwardPlanEntryFactory,
    MeetingDocumentFactory,
    MeetingFactory,
)
from tests.sitemaps import sitemap_text

Publication = MeetingDocument.Publication
SECRETS = [
    "Secretunpublished",
    "Secretscheduled",
    "Secretconfidential",
    "Secretdraftmeeting",
    "Secretdraftminutes",
    "Secretrevision",
    "Secretwebminutes",
    "Secretrequester",
]
LINK = re.compile(r'(?:href|src)="([^"#]+)')
LOC = re.compile(r"<loc>([^<]+)</loc>")


@pytest.fixture
def hidden_and_public_papers(meetings_index):
    committee = CommitteeFactory(name="Board", slug="board")
    meeting = MeetingFactory(committee=committee, title="Open meeting")
    item = AgendaItemFactory(meeting=meeting, title="Open item")
    secret_item = AgendaItemFactory(
        meeting=meeting,
        title="Land deal",
        confidential=True,
        confidential_reason="Commercially sensitive",
    )
    MeetingDocumentFactory(meeting=meeting, agenda_item=item, title="Publicpaper")
    hidden = [
        MeetingDocumentFactory(
            meeting=meeting,
            title="Secretunpublished",
            publication=Publication.UNPUBLISHED,
        ),
        MeetingDocumentFactory(
            meeting=meeting,
            title="Secretscheduled",
            publication=Publication.SCHEDULED,
            publish_at=timezone.now() + datetime.timedelta(days=3),
        ),
        MeetingDocumentFactory(
            meeting=meeting, agenda_item=secret_item, title="Secretconfidential"
        ),
        MeetingDocumentFactory(
            meeting=MeetingFactory(
                committee=committee, live=False, title="Secretdraftmeeting"
            ),
            title="Secretdraftmeeting paper",
        ),
        MeetingDocumentFactory(
            meeting=meeting,
            kind=MeetingDocument.Kind.MINUTES,
            minutes_status=MeetingDocument.MinutesStatus.DRAFT,
            title="Secretdraftminutes",
            publication=Publication.UNPUBLISHED,
        ),
    ]
    # A draft revision of the live meeting: saved for review, not published.
    meeting.summary = "Secretrevision summary"
    meeting.save_revision()
    # Every paper fails the accessibility checks: the statement names public ones.
    StandardPageFactory(
        parent=meetings_index.get_parent(), slug="accessibility", title="Statement"
    )
    for document in MeetingDocument.objects.all():
        PaperCheck.objects.create(
            document=document,
            passed=False,
            findings=[vars(accessibility.NOT_TAGGED)],
        )

    draft_minutes = MeetingMinutes.objects.create(meeting=meeting, live=False)
    MinutesItem.objects.create(
        minutes=draft_minutes, agenda_item=item, decision="<p>Secretwebminutes</p>"
    )
    FormatRequest.objects.create(
        document=MeetingDocument.objects.get(title="Publicpaper"),
        paper_title="Publicpaper",
        format=FormatRequest.Format.OTHER,
        details="Secretrequester details",
        name="Secretrequester",
        email="secretrequester@example.net",
        due_on=datetime.date(2030, 1, 1),
    )
    return meeting, hidden


def crawl(client, start_urls, limit=400):
    """Every local URL reachable from ``start_urls``, with its response body."""
    seen, queue, bodies = set(), list(start_urls), {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urlparse(url).path + (
            "?" + urlparse(url).query if urlparse(url).query else ""
        )
        if path in seen or url.startswith(("mailto:", "http://www.", "https://")):
            continue
        if path.startswith(("/admin", "/static")):
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, path
        body = b"".join(response) if response.streaming else response.content
        bodies[path] = body
        if response.status_code != 200:
            continue
        text = body.decode("utf-8", "replace")
        for link in LINK.findall(text) + LOC.findall(text):
            queue.append(
                urljoin("http://testserver" + path, link.replace("&amp;", "&"))
            )
    return bodies


def visible_text(body):
    if body.startswith(b"%PDF-"):
        reader = PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    return body.decode("utf-8", "replace")


def test_no_url_the_site_offers_reveals_a_hidden_paper(
    client, hidden_and_public_papers
):
    meeting, hidden = hidden_and_public_papers
    starts = [
        "/",
        "/meetings/",
        "/sitemap.xml",
        "/meetings/feed/",
        "/meetings/board/feed/",
        "/meetings/calendar.ics",
        "/meetings/board/calendar.ics",
        f"/meetings/board/{meeting.pk}/agenda-pack.pdf",
        f"/meetings/board/{meeting.pk}/minutes.pdf",
        "/documents/",
        "/media/",
        "/accessibility/",
    ]
    # Words every paper's title or text contains: the hidden ones would match too.
    starts += ["/search/?q=paper", "/search/?q=searchable", "/search/?q=text"]
    for document in hidden:
        name = document.file.name
        starts += [
            f"/meetings/documents/{document.pk}/",
            f"/meetings/documents/{document.pk}/other-format/",
            f"/meetings/board/{document.meeting_id}/",
            f"/meetings/board/{document.meeting_id}/agenda-pack.pdf",
            f"/meetings/board/{document.meeting_id}/calendar.ics",
            f"/media/{name}",
            f"/media/private/meetings/{name}",
            f"/documents/{document.pk}/{document.file_name}",
        ]
    bodies = crawl(client, starts)

    assert "/meetings/board/" in bodies  # the crawl reached the public pages
    public_text = visible_text(bodies[f"/meetings/board/{meeting.pk}/"])
    assert "Publicpaper" in public_text and "Land deal" in public_text
    assert "Commercially sensitive" in public_text
    assert "Publicpaper" in visible_text(bodies["/accessibility/"])
    for path, body in bodies.items():
        text = visible_text(body).lower()
        for secret in SECRETS:
            assert secret.lower() not in text, f"{secret} leaked at {path}"
    hidden_urls = [f"/meetings/documents/{document.pk}/" for document in hidden]
    for path, body in bodies.items():
        for url in hidden_urls:
            assert url.encode() not in body, f"{url} linked from {path}"
    for document in hidden:
        assert client.get(f"/meetings/documents/{document.pk}/").status_code == 404
        other_format = f"/meetings/documents/{document.pk}/other-format/"
        assert client.get(other_format).status_code == 404
    for secret in SECRETS:
        results = client.get("/search/", {"q": secret}).content.decode()
        assert "search-result" not in results, f"search for {secret} found it"


def test_a_scheduled_paper_appears_once_its_time_has_passed(
    client, hidden_and_public_papers
):
    meeting, hidden = hidden_and_public_papers
    scheduled = hidden[1]
    assert client.get(scheduled.url).status_code == 404
    scheduled.publish_at = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.save()
    assert client.get(scheduled.url).status_code == 200
    assert "Secretscheduled" in client.get(meeting.url).content.decode()


def test_published_draft_minutes_are_labelled_everywhere(client, meetings_index):
    meeting = MeetingFactory(committee=CommitteeFactory(slug="board"))
    minutes = MeetingDocumentFactory(
        meeting=meeting,
        kind=MeetingDocument.Kind.MINUTES,
        minutes_status=MeetingDocument.MinutesStatus.DRAFT,
        title="Minutes of the meeting",
    )
    label = "Draft – subject to approval"
    assert label in client.get(meeting.url).content.decode()
    assert label in client.get("/meetings/feed/").content.decode()
    search = client.get("/search/?q=minutes").content.decode()
    assert label in search
    assert client.get(minutes.url).status_code == 200


def test_removing_a_confidential_item_does_not_publish_its_papers(
    client, hidden_and_public_papers
):
    meeting, hidden = hidden_and_public_papers
    confidential = hidden[2]
    confidential.agenda_item.delete()
    confidential.refresh_from_db()
    assert confidential.agenda_item is None
    assert confidential.publication == Publication.UNPUBLISHED
    assert client.get(confidential.url).status_code == 404


@pytest.fixture
def hidden_board_records(meetings_index, board_index):
    from tests.meetings.factories import (
        AttendanceFactory,
        DeclarationFactory,
        InterestEntryFactory,
        PersonFactory,
    )

    committee = CommitteeFactory(name="Board", slug="board")
    meeting = MeetingFactory(committee=committee, title="Open meeting")
    draft_meeting = MeetingFactory(committee=committee, live=False)
    item = AgendaItemFactory(meeting=meeting, title="Open item")
    draft_item = AgendaItemFactory(meeting=draft_meeting, title="Hidden item")
    public = PersonFactory(name="Publicmember", slug="publicmember")
    draft = PersonFactory(name="Secretdraftperson", slug="secret-draft", live=False)
    InterestEntryFactory(person=draft, description="Secretdraftinterest")
    AttendanceFactory(meeting=meeting, person=draft)
    DeclarationFactory(agenda_item=item, person=draft, nature="Secretdraftperson")
    DeclarationFactory(
        agenda_item=draft_item, person=public, nature="Secretdraftmeetingdeclaration"
    )
    AttendanceFactory(meeting=draft_meeting, person=public, capacity="Secretcapacity")
    # A draft revision of the published member: a new register entry, not published.
    public.interests.add(
        InterestEntryFactory.build(person=None, description="Secretrevision")
    )
    public.save_revision()
    return meeting, draft


BOARD_SECRETS = [
    "Secretdraftperson",
    "Secretdraftinterest",
    "Secretdraftmeetingdeclaration",
    "Secretcapacity",
    "Secretrevision",
    "secret-draft",
]


def test_no_board_url_reveals_an_unpublished_person_or_record(
    client, hidden_board_records
):
    meeting, draft = hidden_board_records
    starts = ["/", "/board/", "/board/past/", "/sitemap.xml", meeting.url]
    for name in ("members", "memberships", "registers", "attendance"):
        starts += [f"/board/{name}.json", f"/board/{name}.csv"]
    starts += ["/search/?q=member", "/search/?q=example"]
    bodies = crawl(client, starts)

    assert "Publicmember" in visible_text(bodies["/board/members/publicmember/"])
    for path, body in bodies.items():
        text = visible_text(body).lower()
        for secret in BOARD_SECRETS:
            assert secret.lower() not in text, f"{secret} leaked at {path}"
    assert client.get("/board/members/secret-draft/").status_code == 404
    found = client.get("/search/", {"q": "Publicmember"}).content.decode()
    assert "/board/members/publicmember/" in found
    assert "/board/members/publicmember/" in sitemap_text(client)
    for secret in ("Secretdraftperson", "Secretrevision"):
        results = client.get("/search/", {"q": secret}).content.decode()
        assert "search-result" not in results, f"search for {secret} found it"


DECISION_SECRETS = [
    "Secretdraftdecision",
    "Secretdecisionofdraftmeeting",
    "Secretresolution",
    "Secretdecisionrevision",
    "Secretplanentry",
]


def test_no_url_the_site_offers_reveals_a_hidden_decision_or_plan_entry(
    client, hidden_and_public_papers, board_index
):
    meeting, hidden = hidden_and_public_papers
    open_item, secret_item = meeting.agenda_items.order_by("sort_order")
    DecisionFactory(agenda_item=open_item, title="Publicdecision")
    drafts = [
        DecisionFactory(agenda_item=open_item, title="Secretdraftdecision", live=False),
        DecisionFactory(
            agenda_item=AgendaItemFactory(meeting=hidden[3].meeting),
            title="Secretdecisionofdraftmeeting",
        ),
    ]
    confidential = DecisionFactory(
        agenda_item=secret_item,
        title="Land deal decision",
        resolution="Secretresolution price agreed",
        public_outcome="Publicoutcome: the land will be bought.",
    )
    revised = DecisionFactory(agenda_item=open_item, title="Revised decision")
    revised.resolution = "Secretdecisionrevision wording"
    revised.save_revision()
    ForwardPlanEntryFactory(committee=meeting.committee, title="Publicplanentry")
    plan_draft = ForwardPlanEntryFactory(
        committee=meeting.committee, title="Secretplanentry", live=False
    )

    starts = [
        "/board/decisions/",
        "/board/decisions/feed/",
        "/board/decisions.json",
        "/board/decisions.csv",
        "/board/forward-plan/",
        "/board/forward-plan/feed/",
        "/board/forward-plan.json",
        "/board/forward-plan.csv",
        "/sitemap.xml",
        "/search/?q=decision",
        *(f"/board/decisions/{draft.pk}/" for draft in drafts),
        f"/board/decisions/{confidential.pk}/",
        f"/board/decisions/{revised.pk}/",
        f"/board/forward-plan/?entry={plan_draft.pk}",
        meeting.url,
        *(f"/meetings/decisions/{draft.pk}/" for draft in drafts),
        "/meetings/decisions.json",
        "/meetings/forward-plan/feed/",
    ]
    bodies = crawl(client, starts)

    register = bodies["/board/decisions/"].decode()
    assert "Publicdecision" in register and "Land deal decision" in register
    assert "Publicoutcome" in bodies[f"/board/decisions/{confidential.pk}/"].decode()
    assert "Publicplanentry" in bodies["/board/forward-plan/"].decode()
    for path, body in bodies.items():
        text = visible_text(body).lower()
        for secret in DECISION_SECRETS + SECRETS:
            assert secret.lower() not in text, f"{secret} leaked at {path}"
    for draft in drafts:
        assert client.get(f"/board/decisions/{draft.pk}/").status_code == 404
    for secret in DECISION_SECRETS:
        results = client.get("/search/", {"q": secret}).content.decode()
        assert "search-result" not in results, f"search for {secret} found it"


def test_no_open_data_file_reveals_a_hidden_meeting_item_or_paper(
    client, hidden_and_public_papers, board_index
):
    meeting, hidden = hidden_and_public_papers
    secret_item = meeting.agenda_items.get(confidential=True)
    secret_item.outcome = "Secretoutcome of the land deal"
    secret_item.save()
    AgendaItemFactory(meeting=hidden[3].meeting, title="Secretdraftmeeting item")
    names = ("committees", "meetings", "agenda-items", "papers")
    starts = ["/board/", "/meetings/"]
    starts += [
        f"/board/{name}.{format}" for name in names for format in ("json", "csv")
    ]
    bodies = crawl(client, starts)

    papers = bodies["/board/papers.json"].decode()
    assert "Publicpaper" in papers
    assert "Land deal" in bodies["/board/agenda-items.json"].decode()
    for path, body in bodies.items():
        text = visible_text(body).lower()
        for secret in [*SECRETS, "Secretoutcome"]:
            assert secret.lower() not in text, f"{secret} leaked at {path}"
    for document in hidden:
        assert f"/meetings/documents/{document.pk}/" not in papers
