"""What the public meetings pages read: every query starts from ``public()``."""

from django.db.models import F

from meetings.models.documents import MeetingDocument
from meetings.models.meetings import Committee, Meeting
from portal.caching import changes

# What a listed meeting shows.
LISTED_FIELDS = (
    "title",
    "start",
    "end",
    "venue",
    "status",
    "committee__name",
    "committee__slug",
)
PACK_KINDS = [
    MeetingDocument.Kind.AGENDA,
    MeetingDocument.Kind.PAPER,
    MeetingDocument.Kind.PRESENTATION,
    MeetingDocument.Kind.SUPPLEMENTARY,
]


def committees():
    return list(Committee.objects.all())


def meetings(committee=None):
    listed = Meeting.objects.public().select_related("committee")
    if committee is not None:
        listed = listed.filter(committee=committee)
    return listed


def listed(meetings):
    """``meetings`` with only what a list shows of each."""
    return meetings.only(*LISTED_FIELDS)


def years(meetings, committee=None):
    """The years that have public meetings, newest first, kept until content
    changes."""
    key = committee.pk if committee else "all"
    return changes.cached(
        f"meetings:years:{key}",
        lambda: [day.year for day in meetings.datetimes("start", "year", order="DESC")],
    )


def agenda_items(meeting):
    return list(meeting.agenda_items.all())


def documents(meeting):
    """A meeting's public documents, in agenda order."""
    return (
        MeetingDocument.objects.public()
        .filter(meeting=meeting)
        .select_related("agenda_item", "approved_at__committee")
        .order_by(
            F("agenda_item__sort_order").asc(nulls_first=True), "kind", "title", "pk"
        )
    )
