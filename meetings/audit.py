"""Changes to meeting papers made outside the snippet views, in Wagtail's history.

The snippet views log create, edit and delete themselves; the documents page uploads
and publishes papers in bulk, and a paper's publication is a field rather than
Wagtail's live flag, so these record who did it and when.
"""

from django.utils import timezone
from wagtail.log_actions import log

from meetings.models import MeetingDocument

SCHEDULE_ACTION = "meetings.schedule_document"
FAILING_CHECKS_ACTION = "meetings.publish_failing_checks"
PUBLICATION_ACTIONS = {
    MeetingDocument.Publication.PUBLISHED: "wagtail.publish",
    MeetingDocument.Publication.UNPUBLISHED: "wagtail.unpublish",
    MeetingDocument.Publication.SCHEDULED: SCHEDULE_ACTION,
}


def log_upload(document, user):
    log(document, "wagtail.create", user=user)


def log_publication_change(document, previous, user):
    """Record publishing, scheduling or unpublishing a paper, when it changed."""
    if previous == document.publication:
        return
    data = {}
    if document.publication == MeetingDocument.Publication.SCHEDULED:
        release = timezone.localtime(document.publish_at)
        data["release"] = release.strftime("%d %b %Y %H:%M %Z")
    log(document, PUBLICATION_ACTIONS[document.publication], user=user, data=data)
    findings = document.accessibility_findings()
    if findings and document.publication != MeetingDocument.Publication.UNPUBLISHED:
        # Allowed by MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS, and kept on the record.
        log(
            document,
            FAILING_CHECKS_ACTION,
            user=user,
            data={"codes": [finding["code"] for finding in findings]},
        )
