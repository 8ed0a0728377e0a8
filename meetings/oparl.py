"""The Board's meetings as open data: committees, meetings, agenda items and papers,
shaped after OParl 1.1 (Organization, Meeting, AgendaItem, File), as JSON and CSV.

They are served beside the Board's people (``meetings.board_exports``), the same way:
a page of ``PER_PAGE`` public rows at a time, each with its address as ``id`` (a
committee's and a meeting's page; the file's address and a fragment for rows with no
page), open to any site's scripts. A paper's size and SHA-256 were computed when it
was uploaded: serving these files never reads a paper. The JSON Schemas are in
``meetings/schemas/``.
"""

from django.db.models.functions import Coalesce
from django.utils import timezone

from meetings import board_exports
from meetings.board_exports import OPARL
from meetings.models.documents import MeetingDocument
from meetings.models.meetings import INDEX_PAGE as MEETINGS_PAGE
from meetings.models.meetings import AgendaItem, Committee, Meeting
from portal.caching.routing import route_url


def _moment(value):
    return timezone.localtime(value).isoformat() if value else None


def committees(context):
    rows = Committee.objects.order_by("sort_order", "name", "pk").values(
        "pk", "slug", "name", "remit", "quorum"
    )

    def shape(row):
        return {
            "id": context.committee(row["slug"]),
            "type": OPARL + "Organization",
            "name": row["name"],
            "classification": "committee",
            "remit": row["remit"],
            "quorum": row["quorum"],
            "web": context.committee(row["slug"]),
        }

    return rows, shape


def _public_meetings():
    return Meeting.objects.public()


def meetings(context):
    rows = (
        _public_meetings()
        .select_related("committee")
        .only(
            "title",
            "start",
            "end",
            "venue",
            "status",
            "summary",
            "updated_at",
            "committee__name",
            "committee__slug",
        )
        .order_by("start", "pk")
    )

    def shape(meeting):
        address = context.meeting(meeting.committee.slug, meeting.pk)
        return {
            "id": address,
            "type": OPARL + "Meeting",
            "name": meeting.display_title,
            "meetingState": meeting.status,
            "cancelled": meeting.status == Meeting.Status.CANCELLED,
            "start": _moment(meeting.start),
            "end": _moment(meeting.end),
            "venue": meeting.venue,
            "description": meeting.summary,
            "organization": [context.committee(meeting.committee.slug)],
            "organizationName": meeting.committee.name,
            "web": address,
            "modified": _moment(meeting.updated_at),
        }

    return rows, shape


def agenda_items(context):
    """Every item of a public meeting, as its page lists them: a confidential item
    shows why it is confidential, never its outcome."""
    rows = (
        AgendaItem.objects.filter(meeting__in=_public_meetings())
        .select_related("meeting__committee")
        .only(
            "number",
            "title",
            "sort_order",
            "confidential",
            "confidential_paragraph",
            "confidential_reason",
            "outcome",
            "meeting__committee__slug",
        )
        .order_by("meeting_id", "sort_order", "pk")
    )

    def shape(item):
        return {
            "id": context.row("agenda-items", f"agenda-item-{item.pk}"),
            "type": OPARL + "AgendaItem",
            "meeting": context.meeting(item.meeting.committee.slug, item.meeting_id),
            "number": item.number,
            "order": item.sort_order,
            "name": item.title,
            "public": not item.confidential,
            "result": item.public_outcome or None,
            "exemption": item.exemption if item.confidential else None,
        }

    return rows, shape


def papers(context):
    rows = (
        MeetingDocument.objects.public()
        .annotate(public_since=Coalesce("publish_at", "published_at", "uploaded_at"))
        .order_by("pk")
        .values(
            "pk",
            "title",
            "kind",
            "minutes_status",
            "file_name",
            "content_type",
            "file_size",
            "sha256",
            "public_since",
            "updated_at",
            "meeting_id",
            "meeting__committee__slug",
            "agenda_item_id",
        )
    )

    def shape(row):
        download = route_url(
            MEETINGS_PAGE, "document", row["pk"], base=context.meetings
        )
        item = row["agenda_item_id"]
        return {
            "id": context.row("papers", f"paper-{row['pk']}"),
            "type": OPARL + "File",
            "name": row["title"],
            "documentKind": row["kind"],
            "minutesStatus": row["minutes_status"] or None,
            "fileName": row["file_name"],
            "mimeType": row["content_type"],
            "size": row["file_size"],
            "sha256Checksum": row["sha256"],
            "accessUrl": download or None,
            "downloadUrl": download or None,
            "meeting": context.meeting(
                row["meeting__committee__slug"], row["meeting_id"]
            ),
            "agendaItem": (
                context.row("agenda-items", f"agenda-item-{item}") if item else None
            ),
            "date": _moment(row["public_since"]),
            "modified": _moment(row["updated_at"]),
        }

    return rows, shape


FILES = {
    "committees": committees,
    "meetings": meetings,
    "agenda-items": agenda_items,
    "papers": papers,
}
# What each file holds, as the open data lists name it.
TITLES = {
    "members": "Members",
    "memberships": "Committee memberships",
    "registers": "Registers of interests",
    "attendance": "Attendance",
    "committees": "Committees",
    "meetings": "Meetings",
    "agenda-items": "Agenda items",
    "papers": "Papers, with each file's size and SHA-256",
}
# Every open data file of the Board, its people's and its meetings'.
ALL_FILES = {**board_exports.FILES, **FILES}
