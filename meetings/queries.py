"""What the public meetings pages read: every query starts from ``public()``."""

import datetime
from collections import Counter

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from meetings.models.documents import MeetingDocument
from meetings.models.meetings import INDEX_PAGE, Committee, Meeting
from meetings.models.minutes import MeetingMinutes
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


def minutes(meeting):
    """The meeting's published web minutes with their items in agenda order (set on
    ``minutes.listed_items``), or None."""
    found = (
        MeetingMinutes.objects.public()
        .filter(meeting=meeting)
        .select_related("approved_at__committee")
        .first()
    )
    if found is not None:
        found.listed_items = list(
            found.items.select_related("agenda_item").order_by(
                "agenda_item__sort_order", "sort_order", "pk"
            )
        )
    return found


def requestable_documents():
    """The papers the public may ask for in another format: every public one,
    however old."""
    return MeetingDocument.objects.public().select_related("meeting__committee")


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


def months_before(moment, months):
    """The same day and time ``months`` months before ``moment`` (the month's last
    day when that month is shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def papers_archived(meeting, now=None):
    """The age in months past which ``meeting``'s papers leave its public list
    (``MEETINGS_PAPERS_LISTED_MONTHS``), or 0 while they are listed."""
    months = settings.MEETINGS_PAPERS_LISTED_MONTHS
    if not months:
        return 0
    now = now or timezone.now()
    return months if meeting.start < months_before(now, months) else 0


def next_papers_archived(now):
    """When the next meeting's papers leave its list: a public change no one saves."""
    months = settings.MEETINGS_PAPERS_LISTED_MONTHS
    if not months:
        return None
    since = months_before(now, months)
    start = (
        Meeting.objects.public()
        .filter(start__gte=since)
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    if start is None:
        return None
    # The first moment at which months_before(moment) passes the meeting's start.
    return _months_after(start, months) + datetime.timedelta(seconds=1)


def _months_after(moment, months):
    return months_before(moment, -months)
