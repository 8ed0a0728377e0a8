import datetime
import hashlib

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone

from meetings import pdf
from meetings.models import (
    AgendaItem,
    Attendance,
    BoardIndexPage,
    Committee,
    Decision,
    DecisionProject,
    Declaration,
    ForwardPlanEntry,
    InterestEntry,
    Meeting,
    MeetingDocument,
    MeetingIndexPage,
    Membership,
    Person,
)


class MeetingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Board meetings"
    slug = "meetings"
    intro = "<p>Editors' introduction to the meetings.</p>"

    class Meta:
        model = MeetingIndexPage


class CommitteeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Committee {n}")
    slug = factory.Sequence(lambda n: f"committee-{n}")
    remit = "What this committee decides."

    class Meta:
        model = Committee


class MeetingFactory(factory.django.DjangoModelFactory):
    committee = factory.SubFactory(CommitteeFactory)
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) - datetime.timedelta(days=30)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    venue = "Committee room 1"
    status = Meeting.Status.HELD
    summary = "A meeting of the committee."
    live = True

    class Meta:
        model = Meeting


class AgendaItemFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = AgendaItem


def pdf_bytes(text="A paper"):
    return pdf.example_pdf(text, ["Some searchable words."])


class MeetingDocumentFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    kind = MeetingDocument.Kind.PAPER
    title = factory.Sequence(lambda n: f"Paper {n}")
    publication = MeetingDocument.Publication.PUBLISHED
    content_type = "application/pdf"
    file_name = factory.Sequence(lambda n: f"paper-{n}.pdf")

    class Meta:
        model = MeetingDocument

    class Params:
        body = factory.LazyAttribute(lambda o: pdf_bytes(o.title))

    file = factory.LazyAttribute(lambda o: ContentFile(o.body, name=o.file_name))
    file_size = factory.LazyAttribute(lambda o: len(o.body))
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.body).hexdigest())
    page_count = 1
    text = factory.LazyAttribute(lambda o: f"{o.title} text")


class BoardIndexPageFactory(wagtail_factories.PageFactory):
    title = "The Board"
    slug = "board"
    intro = "<p>Editors' introduction to the Board.</p>"

    class Meta:
        model = BoardIndexPage


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Example member {n + 1}")
    slug = factory.Sequence(lambda n: f"example-member-{n + 1}")
    role = Person.Role.PRIVATE_SECTOR
    organisation = "Example organisation"
    sector = "Example sector"
    appointed_on = datetime.date(2024, 1, 1)
    biography = "An example member."
    live = True

    class Meta:
        model = Person


class MembershipFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    committee = factory.SubFactory(CommitteeFactory)
    starts_on = datetime.date(2024, 1, 1)

    class Meta:
        model = Membership


class InterestEntryFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    category = InterestEntry.Category.DIRECTORSHIPS
    description = factory.Sequence(lambda n: f"Director of Example company {n}")
    started_on = datetime.date(2024, 1, 1)
    registered_on = datetime.date(2024, 1, 5)

    class Meta:
        model = InterestEntry


class AttendanceFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    status = Attendance.Status.PRESENT

    class Meta:
        model = Attendance


class DeclarationFactory(factory.django.DjangoModelFactory):
    agenda_item = factory.SubFactory(AgendaItemFactory)
    person = factory.SubFactory(PersonFactory)
    nature = "Director of a company named in the paper"

    class Meta:
        model = Declaration


class DecisionFactory(factory.django.DjangoModelFactory):
    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Example decision {n}")
    resolution = "RESOLVED that the Board approves the recommendation."
    status = Decision.Status.APPROVED
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Decision


class DecisionProjectFactory(factory.django.DjangoModelFactory):
    decision = factory.SubFactory(DecisionFactory)

    class Meta:
        model = DecisionProject


class ForwardPlanEntryFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Planned decision {n}")
    committee = factory.SubFactory(CommitteeFactory)
    summary = "What the Board will be asked to decide."
    lead_officer_name = "Example Officer"
    lead_officer_title = "Head of Example Programmes"
    live = True
    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ForwardPlanEntry


def held_board_meeting(title):
    """A public meeting of the seeded site's Board, held two days ago."""
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=2)
    return Meeting.objects.create(
        committee=Committee.objects.get(slug="board"),
        title=title,
        start=start,
        end=start + datetime.timedelta(hours=2),
        status=Meeting.Status.HELD,
        live=True,
    )
