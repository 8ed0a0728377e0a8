import datetime
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from meetings import schedule12a
from meetings.panels import MeetingDocumentsPanel
from portal.caching.routing import route_url
from portal.publishing import PublicQuerySet, PublishableModel

INDEX_PAGE = "meetings.MeetingIndexPage"
RESERVED_SLUGS = {
    "feed",
    "documents",
    "calendar.ics",
    "calendar",
    "decisions",
    "forward-plan",
}


class Committee(models.Model):
    """The Board or one of its sub-boards."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Its web address under /meetings/."
    )
    remit = models.TextField(blank=True, help_text="What this board decides.")
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first."
    )
    quorum = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="How many members, present or substituted, a meeting needs to "
        "decide. Blank if none is set.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("remit"),
        FieldPanel("sort_order"),
        FieldPanel("quorum"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is used by the site: choose another address."}
            )


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"
    POSTPONED = "postponed", "Postponed"


class MeetingQuerySet(PublicQuerySet):
    def upcoming(self, now=None):
        """Meetings not yet over, soonest first.

        Bounding ``start`` as well lets the database read the start index from a
        week ago onwards: on ``end`` alone, PostgreSQL walked the index from the
        oldest meeting, through every past one.
        """
        now = now or timezone.now()
        return self.filter(
            end__gte=now, start__gte=now - Meeting.LONGEST_MEETING
        ).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class Meeting(PublishableModel, index.Indexed, ClusterableModel):
    Status = MeetingStatus
    # Upcoming meetings are looked up from a week before now (see upcoming()).
    LONGEST_MEETING = datetime.timedelta(days=7)

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(
        max_length=200,
        blank=True,
        help_text="Leave blank for the committee's name and the date.",
    )
    start = models.DateTimeField(help_text="UK time.")
    end = models.DateTimeField(help_text="UK time.")
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    summary = models.TextField(
        blank=True, help_text="A sentence or two on what the meeting will decide."
    )
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised whenever the time, place or status changes, for calendars.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    panels = [
        FieldPanel("committee", widget=forms.Select),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
            ],
            "When and where",
        ),
        FieldPanel("status"),
        FieldPanel("summary"),
        InlinePanel("agenda_items", label="Agenda item", heading="Agenda"),
        MeetingDocumentsPanel(heading="Documents and deadlines"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.RelatedFields("committee", [index.SearchField("name")]),
        index.RelatedFields(
            "agenda_items",
            [index.SearchField("title"), index.SearchField("public_outcome")],
        ),
        index.FilterField("live"),
        index.FilterField("start"),
        index.FilterField("committee"),
    ]

    CALENDAR_FIELDS = ("title", "start", "end", "venue", "status", "committee_id")
    index_page = INDEX_PAGE
    preview_template = "meetings/meeting_detail.html"

    class Meta:
        ordering = ["-start"]
        # A bare ``WHERE live`` (how Django writes ``live=True`` for SQLite) cannot use
        # an index that starts with ``live``: SQLite would sort every meeting. Past
        # meetings are read in start order; upcoming ones from ``end`` onwards.
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]
        # Wagtail adds these late; declared here so a data migration can grant them.
        permissions = [
            ("publish_meeting", "Can publish meeting"),
            ("lock_meeting", "Can lock meeting"),
            ("unlock_meeting", "Can unlock meeting"),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        if self.title:
            return self.title
        day = date_format(timezone.localtime(self.start), "j F Y")
        return f"{self.committee.name} meeting, {day}"

    display_title.fget.short_description = "Meeting"

    @property
    def timing(self):
        """'upcoming', 'in progress' or 'past', from the clock."""
        now = timezone.now()
        if now < self.start:
            return "upcoming"
        if now <= self.end:
            return "in progress"
        return "past"

    @property
    def status_label(self):
        if self.status in (self.Status.CANCELLED, self.Status.POSTPONED):
            return self.Status(self.status).label
        if self.timing == "in progress":
            return "In progress"
        if self.timing == "upcoming":
            return "Upcoming"
        return "Held" if self.status == self.Status.HELD else "Past"

    def get_url(self, base=None):
        """Its page's address ('' with no public meetings page); ``base``, the
        meetings page's address, saves looking it up for each of many meetings."""
        return route_url(INDEX_PAGE, "meeting", self.committee.slug, self.pk, base=base)

    @property
    def url(self):
        return self.get_url()

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = "The meeting must end after it starts."
        elif self.start and self.end and self.end - self.start > self.LONGEST_MEETING:
            errors["end"] = "A meeting can last a week at most: check the end date."
        if (
            self.status == self.Status.HELD
            and self.start
            and self.start > timezone.now()
        ):
            errors["status"] = (
                "A meeting cannot be held before it starts: choose Scheduled, or "
                "check the start date."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.pk:
            stored = (
                Meeting.objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS).first()
            )
            if stored and any(
                stored[name] != getattr(self, name) for name in self.CALENDAR_FIELDS
            ):
                self.sequence += 1
        super().save(*args, **kwargs)

    def deadlines(self):
        """This meeting's publication deadlines (see ``meetings.deadlines``)."""
        from meetings.deadlines import deadlines_for

        return deadlines_for([self]).get(self.pk, [])

    def json_ld(self, url):
        statuses = {
            self.Status.CANCELLED: "EventCancelled",
            self.Status.POSTPONED: "EventPostponed",
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.display_title,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/"
            + statuses.get(self.status, "EventScheduled"),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": {"@type": "Organization", "name": self.committee.name},
            "url": url,
        }
        if self.summary:
            data["description"] = self.summary
        if self.venue:
            data["location"] = {
                "@type": "Place",
                "name": self.venue,
                "address": self.venue,
            }
        return data

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["meeting"] = self
        context["agenda_items"] = list(self.agenda_items.all())
        context["documents"] = (
            list(self.documents.select_related("agenda_item", "approved_at"))
            if self.pk
            else []
        )
        context["is_preview"] = True
        return context


class AgendaItem(Orderable):
    meeting = ParentalKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    number = models.CharField(
        max_length=10, help_text="As on the agenda, e.g. 3 or 4a."
    )
    title = models.CharField(max_length=250)
    presenter = models.CharField(max_length=120, blank=True)
    confidential = models.BooleanField(
        default=False,
        help_text="Listed publicly with the reason below; its papers are never "
        "published.",
    )
    confidential_paragraph = schedule12a.paragraph_field(
        help_text="The paragraph of Schedule 12A under which the item is exempt: "
        "shown to the public."
    )
    confidential_reason = models.CharField(
        "more about the reason",
        max_length=250,
        blank=True,
        help_text="Optional, shown to the public after the paragraph, e.g. "
        "'Commercially sensitive tender prices'.",
    )
    outcome = models.TextField(
        blank=True, help_text="The decision or outcome, recorded after the meeting."
    )
    declarations = models.TextField(
        "declarations of interest",
        blank=True,
        help_text="Who declared an interest in this item, and what it was.",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("presenter")]),
        FieldPanel("title"),
        FieldPanel("confidential"),
        FieldRowPanel(
            [FieldPanel("confidential_paragraph"), FieldPanel("confidential_reason")]
        ),
        FieldPanel("outcome"),
        FieldPanel("declarations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "agenda item"

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def public_outcome(self):
        """The outcome as the public may read and search it: none when confidential."""
        return "" if self.confidential else self.outcome

    @property
    def exemption(self):
        """Why the item is confidential, as the public is told."""
        return schedule12a.exemption(
            self.confidential_paragraph, self.confidential_reason
        )

    def clean(self):
        # Items made confidential before the paragraph was asked for keep their
        # reason as text until they are next edited with a paragraph.
        if (
            self.confidential
            and not self.confidential_paragraph
            and not (self.pk and self.confidential_reason.strip())
        ):
            raise ValidationError(
                {
                    "confidential_paragraph": "Choose the paragraph of Schedule 12A "
                    "under which this item is confidential: the public agenda shows it."
                }
            )
