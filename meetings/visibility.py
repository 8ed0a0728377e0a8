"""What the public can see now, in words for the edit screens.

The edit screens show drafts; these read the stored rows, which the public side reads,
so a secretary sees what is live, not what the form says.
"""

from django.utils import timezone
from django.utils.formats import date_format

from meetings.models import Meeting, MeetingDocument


def _when(moment):
    return date_format(timezone.localtime(moment), "j F Y H:i")


def document_state(document):
    """``{"public": bool, "text": str}`` for the stored paper, e.g. "Live now at
    /meetings/documents/4/" or "Not public: the meeting is not published."."""
    stored = MeetingDocument.objects.select_related("meeting", "agenda_item").get(
        pk=document.pk
    )
    if MeetingDocument.objects.public().filter(pk=stored.pk).exists():
        return {"public": True, "text": f"Live now at {stored.url}"}
    return {"public": False, "text": "Not public: " + _reason(stored)}


def _reason(document):
    Publication = MeetingDocument.Publication
    if not document.meeting.live:
        return "the meeting is not published."
    if document.agenda_item_id and document.agenda_item.confidential:
        return "its agenda item is confidential."
    if document.publication == Publication.SCHEDULED and document.publish_at:
        return f"scheduled for {_when(document.publish_at)}."
    return "not published."


def with_public_state(documents):
    """Each document with ``public_now`` set, in one query."""
    public = set(
        MeetingDocument.objects.public()
        .filter(pk__in=[document.pk for document in documents])
        .values_list("pk", flat=True)
    )
    for document in documents:
        document.public_now = document.pk in public
    return documents


def meeting_state(meeting):
    """What the stored meeting shows the public, and what waits for publishing."""
    stored = Meeting.objects.filter(pk=meeting.pk).values(
        "live", "has_unpublished_changes"
    )[0]
    return {
        "live": stored["live"],
        "pending": stored["live"] and stored["has_unpublished_changes"],
    }
