"""A meeting's agenda pack: an agenda page made from its agenda items, then its
public PDF papers in agenda order, and a note of every public paper left out.

The web minutes' PDF starts from the same agenda items, each with its minutes
(``attach_minutes``), as the meeting page does.

Kept in private storage under a name made from everything the pack shows, so any
change (a paper, a replaced file, an agenda item, the site's address) builds it anew.
"""

import hashlib
import html
import json
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from meetings import pdf, queries
from meetings.models.documents import MeetingDocument
from meetings.storage import private_storage

AGENDA_TEMPLATE = "meetings/pack/agenda.txt"
AGENDA_BOOKMARK = "Agenda and contents"
MINUTES_TEMPLATE = "meetings/pack/minutes.txt"


@dataclass
class PackPaper:
    document: MeetingDocument
    title: str
    address: str
    reason: str = ""

    @property
    def left_out(self):
        return bool(self.reason)


def papers(meeting):
    """The public papers a pack lists, the agenda document first, then agenda order."""
    documents = list(queries.documents(meeting).filter(kind__in=queries.PACK_KINDS))
    documents.sort(key=lambda document: document.kind != MeetingDocument.Kind.AGENDA)
    return documents


def has_pack(agenda_items, documents):
    return bool(agenda_items) or any(d.kind in queries.PACK_KINDS for d in documents)


def cached_pack(request, meeting):
    """The pack's name in private storage, built first if need be; None when there
    is nothing to put in it."""
    agenda_items = queries.agenda_items(meeting)
    documents = papers(meeting)
    if not has_pack(agenda_items, documents):
        return None
    listed = [_pack_paper(request, document) for document in documents]
    name = f"packs/{meeting.pk}/{_key(meeting, agenda_items, listed)}.pdf"
    storage = private_storage()
    if not storage.exists(name):
        storage.save(name, ContentFile(build(meeting, agenda_items, listed)))
    return name


def build(meeting, agenda_items, listed):
    files, readers = [], []
    try:
        for paper in listed:
            if paper.left_out:
                continue
            try:
                files.append(paper.document.file.open("rb"))
            except (FileNotFoundError, ValueError):
                paper.reason = "the file is missing"
                continue
            found, unreadable = pdf.readable([(paper.title, files[-1])])
            if unreadable:
                paper.reason = "the file could not be read"
            readers += found
        agenda = agenda_lines(meeting, agenda_items, listed)
        title = f"Agenda pack: {meeting.display_title}"
        return pdf.build_pack(
            AGENDA_BOOKMARK, pdf.text_pdf([agenda]), readers, title=title
        )
    finally:
        for file in files:
            file.close()


def agenda_lines(meeting, agenda_items, listed):
    by_item = {}
    for paper in listed:
        by_item.setdefault(paper.document.agenda_item_id, []).append(paper)
    for item in agenda_items:
        item.papers = [] if item.confidential else by_item.get(item.pk, [])
    text = render_to_string(
        AGENDA_TEMPLATE,
        {
            "meeting": meeting,
            "agenda_items": agenda_items,
            "other_papers": [p for p in by_item.get(None, []) if not p.left_out],
            "left_out": [paper for paper in listed if paper.left_out],
        },
    )
    return ["Agenda", *text.splitlines()]


def _pack_paper(request, document):
    title = document.title
    if document.agenda_item:
        title = f"Item {document.agenda_item.number}: {title}"
    reason = ""
    if document.extension != "pdf":
        reason = f"a .{document.extension} file" if document.extension else "not a PDF"
    address = request.build_absolute_uri(document.url)
    return PackPaper(document, title, address, reason)


def _key(meeting, agenda_items, listed):
    shown = {
        "format": 2,  # 2: packs carry a document title.
        "meeting": [meeting.display_title, str(meeting.start), meeting.venue],
        "committee": meeting.committee.name,
        "items": [
            [
                i.pk,
                i.number,
                i.title,
                i.presenter,
                i.confidential,
                i.confidential_paragraph,
                i.confidential_reason,
            ]
            for i in agenda_items
        ],
        "papers": [
            [p.document.pk, p.document.sha256, p.title, p.address] for p in listed
        ],
    }
    text = json.dumps(shown, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def attach_minutes(agenda_items, minutes_items):
    """Set ``item.minuted`` on each agenda item: its minutes, or None. A
    confidential item's minutes are never shown, only its exemption."""
    by_item = {entry.agenda_item_id: entry for entry in minutes_items}
    for item in agenda_items:
        item.minuted = None if item.confidential else by_item.get(item.pk)


def minutes_pdf(meeting, minutes, agenda_items, attendance):
    """The published web minutes as a PDF of searchable text."""
    attach_minutes(agenda_items, minutes.listed_items)
    for item in agenda_items:
        item.minuted_text = (
            {
                "discussion": plain_text(item.minuted.discussion),
                "decision": plain_text(item.minuted.decision),
            }
            if item.minuted
            else None
        )
    text = render_to_string(
        MINUTES_TEMPLATE,
        {
            "meeting": meeting,
            "minutes": minutes,
            "introduction": plain_text(minutes.introduction),
            "agenda_items": agenda_items,
            "attendance": attendance,
        },
    )
    title = f"Minutes: {meeting.display_title}"
    return pdf.build_pack(
        "Minutes", pdf.text_pdf([["Minutes", *text.splitlines()]]), [], title=title
    )


def plain_text(rich_text):
    """Rich text as plain lines: one paragraph, heading or list item a line."""
    markup = expand_db_html(rich_text or "")
    for tag in ("</p>", "</li>", "</h2>", "</h3>", "</h4>", "<br>", "<br/>"):
        markup = markup.replace(tag, tag + "\n")
    text = html.unescape(strip_tags(markup))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
