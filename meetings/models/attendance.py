"""Who came to a meeting, and the interests declared at it.

Both are public exactly when their meeting and their person are (a guest has no person).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from portal.publishing import PublicQuerySet


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Substitute"
    IN_ATTENDANCE = "in-attendance", "In attendance"


# Who counts towards the quorum.
COUNTS_FOR_QUORUM = [AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE]
# Who was expected as a member (an officer or guest in attendance was not).
EXPECTED = [
    AttendanceStatus.PRESENT,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
]


class AttendanceQuerySet(PublicQuerySet):
    def public_rule(self):
        return Q(meeting__live=True) & (Q(person__isnull=True) | Q(person__live=True))


class Attendance(models.Model):
    Status = AttendanceStatus

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="attendance"
    )
    person = models.ForeignKey(
        "meetings.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attendance",
        help_text="Blank for a guest: give their name below.",
    )
    guest_name = models.CharField(
        max_length=150, blank=True, help_text="A guest who is not on the site."
    )
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    substitute_for = models.ForeignKey(
        "meetings.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="substituted_by",
        help_text="The member this substitute stood in for.",
    )
    capacity = models.CharField(
        max_length=150,
        blank=True,
        help_text="For those in attendance, e.g. 'Finance officer'.",
    )

    objects = AttendanceQuerySet.as_manager()

    panels = [
        FieldPanel("meeting"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("guest_name")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("substitute_for")]),
        FieldPanel("capacity"),
    ]

    class Meta:
        verbose_name = "attendance record"
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_attendance_per_person"
            )
        ]

    def __str__(self):
        return f"{self.attendee}: {self.get_status_display()}"

    @property
    def attendee(self):
        return self.person.name if self.person_id else self.guest_name

    def clean(self):
        errors = {}
        if not self.person_id and not self.guest_name.strip():
            errors["person"] = "Choose a person, or give a guest's name."
        if self.person_id and self.guest_name.strip():
            errors["guest_name"] = "Choose a person or give a guest's name, not both."
        if self.status == AttendanceStatus.SUBSTITUTE and not self.substitute_for_id:
            errors["substitute_for"] = "Say whom the substitute stood in for."
        elif self.substitute_for_id and self.status != AttendanceStatus.SUBSTITUTE:
            errors["substitute_for"] = "Only a substitute stands in for someone."
        elif self.substitute_for_id and self.substitute_for_id == self.person_id:
            errors["substitute_for"] = "Nobody substitutes for themselves."
        if not self.person_id and self.status in EXPECTED:
            errors["status"] = "A guest is in attendance: choose In attendance."
        if errors:
            raise ValidationError(errors)


class DeclarationQuerySet(PublicQuerySet):
    def public_rule(self):
        return Q(agenda_item__meeting__live=True, person__live=True)

    def awaiting_register(self):
        """Declarations of an interest not on the register, whose member's register
        has had no entry registered since the meeting."""
        from meetings.models.people import InterestEntry

        newer_entry = InterestEntry.objects.filter(
            person=OuterRef("person"),
            registered_on__gte=OuterRef("meeting_day"),
        )
        return (
            self.filter(interest__isnull=True)
            .annotate(meeting_day=TruncDate("agenda_item__meeting__start"))
            .exclude(Exists(newer_entry))
        )


class Declaration(models.Model):
    """An interest a person declared on an agenda item."""

    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.CASCADE,
        related_name="interests_declared",
    )
    person = models.ForeignKey(
        "meetings.Person", on_delete=models.CASCADE, related_name="declarations"
    )
    interest = models.ForeignKey(
        "meetings.InterestEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declarations",
        help_text="The register entry declared. Blank for an interest not yet on the "
        "register: it shows on the secretaries' dashboard until the register is "
        "updated.",
    )
    nature = models.TextField(help_text="The interest, as declared at the meeting.")
    action = models.CharField(
        max_length=250,
        blank=True,
        help_text="What the member did, e.g. 'Left the room for this item'.",
    )

    objects = DeclarationQuerySet.as_manager()

    panels = [
        FieldPanel("agenda_item"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("interest")]),
        FieldPanel("nature"),
        FieldPanel("action"),
    ]

    class Meta:
        verbose_name = "declaration of interest"
        verbose_name_plural = "declarations of interest"

    def __str__(self):
        return f"{self.person}: {self.agenda_item}"

    @property
    def is_new(self):
        return self.interest_id is None

    def clean(self):
        if (
            self.interest_id
            and self.person_id
            and self.interest.person_id != self.person_id
        ):
            raise ValidationError(
                {"interest": "Choose an entry on this person's own register."}
            )
