"""Publication deadlines from LEP assurance frameworks, counted in clear working days.

Meeting notice: the meeting published 5 clear working days before it. Agenda and
papers: public 5 clear working days before the meeting. Draft minutes: within
10 clear working days after it. Final minutes: within 10 clear working days of the
meeting that approved them. Weekends and England and Wales bank holidays do not count.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper
from django.utils import timezone

from meetings import holidays
from meetings.models import Meeting, MeetingDocument, MeetingMinutes

AGENDA_CLEAR_DAYS = 5
NOTICE_CLEAR_DAYS = 5
MINUTES_CLEAR_DAYS = 10
PAPER_KINDS = [
    MeetingDocument.Kind.PAPER,
    MeetingDocument.Kind.PRESENTATION,
    MeetingDocument.Kind.SUPPLEMENTARY,
]


@dataclass
class Deadline:
    meeting: Meeting
    name: str
    due: datetime.date
    met: bool
    detail: str = ""
    # False when missing it can no longer be put right (a notice published late).
    actionable: bool = True

    @property
    def overdue(self):
        return not self.met and timezone.localdate() > self.due


def deadlines_for(meetings, today=None):
    """{meeting id: [Deadline, ...]} for ``meetings`` (cancelled ones have none).

    Runs three queries however many meetings there are. Minutes published as a web
    page count as public minutes, as an uploaded minutes document does.
    """
    meetings = [
        meeting
        for meeting in meetings
        if meeting.status not in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED)
    ]
    ids = [meeting.pk for meeting in meetings]
    public = defaultdict(set)
    public_ids = set()
    for row in (
        MeetingDocument.objects.public()
        .filter(meeting_id__in=ids)
        .values("pk", "meeting_id", "kind", "minutes_status")
    ):
        public[row["meeting_id"]].add((row["kind"], row["minutes_status"]))
        public_ids.add(row["pk"])
    approval = {}
    for row in (
        MeetingMinutes.objects.filter(meeting_id__in=ids)
        .annotate(
            is_public=ExpressionWrapper(
                MeetingMinutes.objects.public_rule(), output_field=BooleanField()
            )
        )
        .values("meeting_id", "status", "approved_at__start", "is_public")
    ):
        if row["is_public"]:
            public[row["meeting_id"]].add((MeetingDocument.Kind.MINUTES, row["status"]))
        if row["approved_at__start"]:
            approval[row["meeting_id"]] = row["approved_at__start"]
    waiting = defaultdict(int)
    for row in (
        MeetingDocument.objects.filter(meeting_id__in=ids)
        .exclude(agenda_item__confidential=True)
        .values("pk", "meeting_id", "kind", "minutes_status", "approved_at__start")
    ):
        if row["kind"] in PAPER_KINDS and row["pk"] not in public_ids:
            waiting[row["meeting_id"]] += 1
        if row["kind"] == MeetingDocument.Kind.MINUTES and row["approved_at__start"]:
            approval[row["meeting_id"]] = row["approved_at__start"]

    today = today or timezone.localdate()
    result = {}
    for meeting in meetings:
        day = timezone.localtime(meeting.start).date()
        kinds = public[meeting.pk]
        agenda_public = any(kind == MeetingDocument.Kind.AGENDA for kind, _ in kinds)
        rows = [
            _notice(meeting, day),
            Deadline(
                meeting,
                "Agenda and papers",
                holidays.due_before(day, AGENDA_CLEAR_DAYS),
                agenda_public and not waiting[meeting.pk],
                _agenda_detail(meeting, agenda_public, waiting[meeting.pk]),
            ),
        ]
        if day <= today:
            minutes_public = any(
                kind == MeetingDocument.Kind.MINUTES for kind, _ in kinds
            )
            rows.append(
                Deadline(
                    meeting,
                    "Draft minutes",
                    holidays.due_after(day, MINUTES_CLEAR_DAYS),
                    minutes_public,
                    "" if minutes_public else "No minutes are public yet.",
                )
            )
        if meeting.pk in approval:
            approved_on = timezone.localtime(approval[meeting.pk]).date()
            final_public = (
                MeetingDocument.Kind.MINUTES,
                MeetingDocument.MinutesStatus.APPROVED,
            ) in kinds
            rows.append(
                Deadline(
                    meeting,
                    "Final minutes",
                    holidays.due_after(approved_on, MINUTES_CLEAR_DAYS),
                    final_public,
                    "" if final_public else "The approved minutes are not public yet.",
                )
            )
        result[meeting.pk] = rows
    return result


def _notice(meeting, day):
    due = holidays.due_before(day, NOTICE_CLEAR_DAYS)
    if not meeting.live:
        return Deadline(
            meeting, "Meeting notice", due, False, "The meeting is not published."
        )
    if meeting.first_published_at is None:  # made live by an import: no date known
        return Deadline(meeting, "Meeting notice", due, True)
    published_on = timezone.localdate(meeting.first_published_at)
    if published_on <= due:
        return Deadline(meeting, "Meeting notice", due, True)
    detail = f"Published on {published_on:%-d %B %Y}, after the deadline."
    return Deadline(meeting, "Meeting notice", due, False, detail, actionable=False)


def _agenda_detail(meeting, agenda_public, waiting):
    problems = []
    if not meeting.live:
        problems.append("the meeting is not published")
    if not agenda_public:
        problems.append("no agenda is public")
    if waiting:
        problems.append(f"{waiting} paper(s) not yet public")
    return ("; ".join(problems).capitalize() + ".") if problems else ""


def overdue(today=None, lookback_days=400):
    """Every overdue deadline for meetings from the last ``lookback_days`` days on."""
    today = today or timezone.localdate()
    since = timezone.now() - datetime.timedelta(days=lookback_days)
    meetings = list(
        Meeting.objects.filter(start__gte=since)
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.POSTPONED])
        .select_related("committee")
        .order_by("start")
    )
    rows = []
    for deadlines in deadlines_for(meetings, today).values():
        rows.extend(
            deadline
            for deadline in deadlines
            if not deadline.met and deadline.actionable and today > deadline.due
        )
    return sorted(rows, key=lambda deadline: deadline.due)
