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

from meetings import accessibility, holidays, pdf
from meetings.models import (
    AgendaItem,
    Attendance,
    BoardIndexPage,
    Committee,
    Declaration,
    InterestEntry,
    Meeting,
    MeetingDocument,
    MeetingIndexPage,
    Membership,
    Person,
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

BOARD_INDEX = {
    "title": "The Board",
    "slug": "board",
    "show_in_menus": True,
    "search_description": "Who sits on the Board, their registers of interests and "
    "their attendance.",
    "intro": (
        "<p>The Board's members, the committees they sit on, their registers of "
        "interests and their attendance at meetings.</p>"
        "<p><strong>The people shown here at first are examples</strong>, generated to "
        "show how the pages work; they are not real members of the Board.</p>"
    ),
}
# (role, sector): every person is an example and is named as one.
EXAMPLE_PEOPLE = [
    (Person.Role.CHAIR, "Example sector"),
    (Person.Role.VICE_CHAIR, "Example sector"),
    (Person.Role.PRIVATE_SECTOR, "Example sector"),
    (Person.Role.PRIVATE_SECTOR, "Example sector"),
    (Person.Role.LOCAL_AUTHORITY_LEADER, "Local government"),
    (Person.Role.LOCAL_AUTHORITY_LEADER, "Local government"),
    (Person.Role.CO_OPTED, "Example sector"),
    (Person.Role.ADVISER, "Example sector"),
    (Person.Role.OFFICER, "Local Enterprise Partnership"),
]

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
CONFIDENTIAL_PARAGRAPH = 3  # financial or business affairs (Schedule 12A)


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
    document.record_accessibility_on_save(accessibility.check("pdf", data))
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
        self.board(home, today)
        return self.created

    def board(self, home, today):
        if not BoardIndexPage.objects.exists():
            page = BoardIndexPage(**BOARD_INDEX)
            home.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            self.log("Created the Board page")
        if Person.objects.exists():
            return
        board = Committee.objects.filter(slug="board").first()
        appointed = today.replace(day=1) - datetime.timedelta(days=3 * 365)
        people = []
        for number, (role, sector) in enumerate(EXAMPLE_PEOPLE, start=1):
            name = (
                f"Example officer {number}"
                if role == Person.Role.OFFICER
                else f"Example member {number}"
            )
            people.append(
                self.person(name, role, sector, appointed, None, board, number)
            )
        self.person(
            f"Example member {len(people) + 1}",
            Person.Role.PRIVATE_SECTOR,
            "Example sector",
            appointed - datetime.timedelta(days=3 * 365),
            appointed - datetime.timedelta(days=1),
            None,
            len(people) + 1,
        )
        if board is not None:
            self.attendance(board, people, today)
        self.log(f"Created {len(people) + 1} example people")

    def person(self, name, role, sector, appointed, term_ends, board, number):
        person = Person(
            name=name,
            slug=name.lower().replace(" ", "-"),
            role=role,
            organisation="Example organisation",
            sector=sector,
            appointed_on=appointed,
            term_ends_on=term_ends,
            biography="An example person, generated to show how the Board's pages "
            "work: not a real member of the Board.",
            live=True,
        )
        if board is not None and role != Person.Role.OFFICER:
            person.memberships.add(
                Membership(
                    committee=board,
                    role={
                        Person.Role.CHAIR: Membership.Role.CHAIR,
                        Person.Role.VICE_CHAIR: Membership.Role.VICE_CHAIR,
                        Person.Role.ADVISER: Membership.Role.ADVISER,
                    }.get(role, Membership.Role.MEMBER),
                    starts_on=appointed,
                    ends_on=term_ends,
                )
            )
        if role != Person.Role.OFFICER:
            person.interests.add(
                InterestEntry(
                    category=InterestEntry.Category.EMPLOYMENT,
                    description=f"Example: director of Example organisation {number}.",
                    started_on=appointed,
                    registered_on=appointed,
                )
            )
        person.save()
        person.save_revision().publish()
        self.created += 1
        return person

    def attendance(self, board, people, today):
        """Attendance at the Board's held meetings, and one example declaration."""
        members = [p for p in people if p.role != Person.Role.OFFICER]
        officers = [p for p in people if p.role == Person.Role.OFFICER]
        meetings = list(board.meetings.filter(status=Meeting.Status.HELD))
        rows = []
        for n, meeting in enumerate(meetings):
            for m, person in enumerate(members):
                status = (
                    Attendance.Status.APOLOGIES
                    if (n + m) % 5 == 0
                    else Attendance.Status.PRESENT
                )
                rows.append(Attendance(meeting=meeting, person=person, status=status))
            for person in officers:
                rows.append(
                    Attendance(
                        meeting=meeting,
                        person=person,
                        status=Attendance.Status.IN_ATTENDANCE,
                        capacity="Example officer",
                    )
                )
        Attendance.objects.bulk_create(rows)
        if meetings:
            item = meetings[0].agenda_items.order_by("sort_order").last()
            member = members[2]
            Declaration.objects.create(
                agenda_item=item,
                person=member,
                interest=member.interests.first(),
                nature="Example: the organisation the member directs is named in "
                "this paper.",
                action="Example: took no part in the discussion",
            )
        if board.quorum is None:
            board.quorum = 4
            board.save(update_fields=["quorum"])

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
        title = f"{committee.name} meeting, {day:%-d %B %Y}"
        meeting = Meeting.objects.create(
            committee=committee,
            # One "Example" label: committees that carry it already need no other.
            title=title if title.startswith("Example") else f"Example: {title}",
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
                    confidential_paragraph=CONFIDENTIAL_PARAGRAPH,
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
