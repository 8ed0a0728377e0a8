"""What the public meetings pages read: every query starts from ``public()``."""

from collections import Counter

from django.apps import apps
from django.db.models import F

from meetings.models.documents import MeetingDocument
from meetings.models.meetings import INDEX_PAGE, Committee, Meeting
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


FAILING_PAPERS_LISTED = 200


def papers_failing_checks():
    """The public papers that fail the accessibility checks, as plain values kept
    until public content changes: ``{"total", "unchecked", "problems": [(problem,
    count)],
    "papers": [{"title", "url", "meeting", "problems"}]}``, newest meeting first and
    at most ``FAILING_PAPERS_LISTED`` of them."""
    return changes.cached("meetings:papers-failing-checks", _papers_failing_checks)


def _papers_failing_checks():
    failing = MeetingDocument.objects.public().filter(accessibility__passed=False)
    counts, problems, total = Counter(), {}, 0
    for findings in failing.values_list("accessibility__findings", flat=True):
        total += 1
        for finding in findings:
            counts[finding["code"]] += 1
            problems[finding["code"]] = finding["problem"]
    base = apps.get_model(INDEX_PAGE).public_url()
    listed = failing.select_related("meeting__committee", "accessibility").order_by(
        "-meeting__start", "pk"
    )[:FAILING_PAPERS_LISTED]
    unchecked = MeetingDocument.objects.public().filter(accessibility__isnull=True)
    return {
        "total": total,
        "unchecked": unchecked.count(),
        "problems": [(problems[code], count) for code, count in counts.most_common()],
        "papers": [
            {
                "title": document.title,
                "url": document.get_url(base),
                "meeting": document.meeting.display_title,
                "problems": [
                    finding["problem"] for finding in document.accessibility.findings
                ],
            }
            for document in listed
        ],
    }
