"""Starting content for this app, added by `manage.py seed_portal`.

The Board's real papers are not available, so every meeting and PDF here is an example
and says so. The publication deadlines in the intro come from ../shared/seed/facts.md
(LEP assurance frameworks). Committees and meetings are only added where missing: a
committee that exists is left alone, with its meetings, whatever an editor did to it.
"""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Site
from wagtail.search import index

from meetings import holidays, pdf
from meetings.models import (
    AgendaItem,
    Committee,
    Meeting,
    MeetingDocument,
    MeetingIndexPage,
)
from strategy.models import HomePage

INDEX = {
    "title": "Board meetings",
    "slug": "meetings",
    "show_in_menus": True,
    "search_description": "Agendas, papers and minutes of the Board and its sub-boards.",
    "intro": (
        "<p>LEP assurance frameworks require agendas and papers to be public five clear "
        "working days before each meeting, draft minutes within ten clear working days "
        "after it, and final minutes within ten clear working days of their approval. Declarations of interest are recorded in the minutes.</p>"
        "<p>Confidential items are listed on the agenda with the reason they are "
        "confidential, but their papers are not published.</p>"
        "<p><strong>The meetings and papers shown here at first are examples</strong>, "
        "generated to show how the pages work; they are not real meetings of the "
        "Board.</p>"
    ),
}

COMMITTEES = [
    {
        "name": "Board",
        "slug": "board",
        "sort_order": 0,
        "remit": "Example remit: sets the partnership's strategy and takes its "
        "decisions. (An example: the editors replace this text.)",
        "every_months": 3,
    },
    {
        "name": "Example investment sub-board",
        "slug": "investment-sub-board",
        "sort_order": 1,
        "remit": "Example remit: oversees funding programmes and recommends "
        "projects to the Board. (An example: the editors replace this text.)",
        "every_months": 4,
    },
    {
        "name": "Example strategy sub-board",
        "slug": "strategy-sub-board",
        "sort_order": 2,
        "remit": "Example remit: oversees the Local Industrial Strategy's delivery "
        "plan. (An example: the editors replace this text.)",
        "every_months": 4,
    },
]

AGENDA = [
    ("1", "Welcome, apologies and declarations of interest", "Chair"),
    ("2", "Minutes of the previous meeting", "Chair"),
    ("3", "Example paper: programme update", "Example presenter"),
    ("4", "Example paper: performance report", "Example presenter"),
]
CONFIDENTIAL_ITEM = (
    "5",
    "Example confidential item: project appraisal",
    "Commercially sensitive information",
)


def example_document(meeting, kind, title, lines, **fields):
    name = f"example-{kind}-{meeting.start:%Y-%m-%d}-{meeting.pk}.pdf"
    data = pdf.example_pdf(f"EXAMPLE: {title}", [meeting.display_title, *lines])
    info = pdf.inspect(data)
    document = MeetingDocument(
        meeting=meeting,
        kind=kind,
        title=f"Example {title.lower()}" if not title.startswith("Example") else title,
        file_name=name,
        content_type="application/pdf",
        file_size=len(data),
        page_count=info.page_count,
        sha256=hashlib.sha256(data).hexdigest(),
        text=info.text,
        **fields,
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


def meeting_days(every_months, today):
    """Working days about ``every_months`` apart over two years, and one upcoming."""
    days = []
    first = today.replace(day=1) - datetime.timedelta(days=730)
    month = first.year * 12 + first.month - 1
    while True:
        year, month_index = divmod(month, 12)
        day = datetime.date(year, month_index + 1, 15)
        while not holidays.is_working_day(day):
            day += datetime.timedelta(days=1)
        days.append(day)
        if day > today:
            return days
        month += every_months


class Seeder:
    def __init__(self, log):
        self.log = log
        self.created = 0

    def run(self):
        home = self.home()
        if home is None:
            self.log("No home page: meetings not seeded")
            return 0
        self.index(home)
        today = timezone.localdate()
        for order, fields in enumerate(COMMITTEES):
            committee, created = Committee.objects.get_or_create(
                slug=fields["slug"],
                defaults={
                    "name": fields["name"],
                    "remit": fields["remit"],
                    "sort_order": fields["sort_order"],
                },
            )
            if not created or committee.meetings.exists():
                continue
            self.created += 1
            self.log(f"Created committee “{committee.name}”")
            days = meeting_days(fields["every_months"], today)
            previous = None
            for number, day in enumerate(days):
                previous = self.meeting(
                    committee, day, number, days, previous, main=order == 0
                )
        return self.created

    def home(self):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        return HomePage.objects.first()

    def index(self, home):
        if MeetingIndexPage.objects.exists():
            return
        page = MeetingIndexPage(**INDEX)
        home.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log("Created the Board meetings page")

    def meeting(self, committee, day, number, days, previous, main):
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        upcoming = day > timezone.localdate()
        last_past = number == len(days) - 2
        cancelled = main and number == 2
        confidential = main and number == 3
        meeting = Meeting.objects.create(
            committee=committee,
            title=f"Example: {committee.name} meeting, {day:%-d %B %Y}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue="Example venue",
            status=(
                Meeting.Status.CANCELLED
                if cancelled
                else Meeting.Status.SCHEDULED
                if upcoming
                else Meeting.Status.HELD
            ),
            summary="An example meeting, generated to show how meetings are "
            "published: not a real meeting.",
            live=True,
        )
        self.created += 1
        if cancelled:
            return previous
        items = [
            AgendaItem(meeting=meeting, number=n, title=t, presenter=p, sort_order=i)
            for i, (n, t, p) in enumerate(AGENDA)
        ]
        if confidential:
            n, t, reason = CONFIDENTIAL_ITEM
            items.append(
                AgendaItem(
                    meeting=meeting,
                    number=n,
                    title=t,
                    confidential=True,
                    confidential_reason=reason,
                    sort_order=len(items),
                )
            )
        if not upcoming:
            items[0].declarations = "Example: none declared."
        for item in items:
            item.save()
        index.insert_or_update_object(meeting)
        published = MeetingDocument.Publication.PUBLISHED
        example_document(
            meeting,
            MeetingDocument.Kind.AGENDA,
            "Agenda",
            [str(item) for item in items],
            publication=published,
        )
        for item in items[2:]:
            example_document(
                meeting,
                MeetingDocument.Kind.PAPER,
                f"Example paper for item {item.number}",
                [item.title, "Example text: this is not a real Board paper."],
                agenda_item=item,
                publication=published,
            )
        if upcoming:
            return meeting
        minutes = example_document(
            meeting,
            MeetingDocument.Kind.MINUTES,
            "Minutes",
            ["Example minutes: not a record of a real meeting."],
            publication=published,
            minutes_status=MeetingDocument.MinutesStatus.DRAFT,
        )
        if previous is not None:
            MeetingDocument.objects.filter(
                meeting=previous, kind=MeetingDocument.Kind.MINUTES
            ).update(
                minutes_status=MeetingDocument.MinutesStatus.APPROVED,
                approved_at=meeting,
            )
        if last_past:
            self.log(f"Draft minutes left for approval: {minutes.title}")
        return meeting


def seed(log=print):
    return Seeder(log).run()
