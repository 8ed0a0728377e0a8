"""The Board's people: members and officers, their committee memberships and their
registers of interests.

A person's register entries and memberships are parts of the person, so each published
version of the register is a Wagtail revision (staff see every one in the history); the
public sees the published register, with the date each entry was registered.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min, Q
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable
from wagtail.search import index

from portal.caching.routing import route_url
from portal.publishing import PublicQuerySet, PublishableModel

BOARD_PAGE = "meetings.BoardIndexPage"
ONE_DAY = datetime.timedelta(days=1)


class BoardRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice-chair", "Vice-chair"
    PRIVATE_SECTOR = "private-sector", "Private-sector member"
    LOCAL_AUTHORITY_LEADER = "local-authority-leader", "Local authority leader"
    CO_OPTED = "co-opted", "Co-opted member"
    ADVISER = "adviser", "Adviser"
    OFFICER = "officer", "Officer"


# Members are expected at their committees' meetings; advisers and officers attend.
MEMBER_ROLES = [
    BoardRole.CHAIR,
    BoardRole.VICE_CHAIR,
    BoardRole.PRIVATE_SECTOR,
    BoardRole.LOCAL_AUTHORITY_LEADER,
    BoardRole.CO_OPTED,
]


@register_setting(icon="group")
class BoardSettings(BaseSiteSetting):
    gifts_threshold_pounds = models.DecimalField(
        "gifts and hospitality threshold (£)",
        max_digits=8,
        decimal_places=2,
        default=50,
        help_text="Gifts and hospitality worth more than this are registered.",
    )
    register_kept_days = models.PositiveIntegerField(
        "days a register stays public after the term ends",
        default=365,
        help_text="After this many days, a former member's register leaves the site.",
    )
    format_requests_email = models.EmailField(
        "address for requests for another format",
        blank=True,
        help_text="Requests for a paper in another format are emailed here. Blank: "
        "they are only kept in the admin, on the dashboard.",
    )
    format_request_days = models.PositiveSmallIntegerField(
        "working days to answer a request for another format",
        default=15,
        help_text="A request's response deadline, in working days after it arrives "
        "(weekends and bank holidays do not count).",
    )

    class Meta:
        verbose_name = "Board settings"

    @classmethod
    def kept_days_in_use(cls):
        """Every site's number of days a register stays public (the default for a
        site that has not saved its settings)."""
        default = cls._meta.get_field("register_kept_days").default
        return set(cls.objects.values_list("register_kept_days", flat=True)) | {default}


class PersonQuerySet(PublicQuerySet):
    def current(self, today):
        return self.filter(
            Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=today),
            appointed_on__lte=today,
        )

    def past(self, today):
        return self.filter(term_ends_on__lt=today)

    def first_register_leaving(self, today, kept_days):
        """The first day after ``today`` on which one of these people's registers
        leaves the site, kept ``kept_days`` after the term (see
        ``Person.register_is_public``); None if none will."""
        kept = datetime.timedelta(days=kept_days)
        last_term = self.filter(term_ends_on__gte=today - kept).aggregate(
            first=Min("term_ends_on")
        )["first"]
        return None if last_term is None else last_term + kept + ONE_DAY


class Person(PublishableModel, index.Indexed, ClusterableModel):
    """A Board member, adviser or officer."""

    Role = BoardRole

    name = models.CharField(max_length=150)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Its address under /board/members/."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        "photo's text alternative",
        max_length=250,
        blank=True,
        help_text="What the photo shows, for people who cannot see it.",
    )
    role = models.CharField(max_length=30, choices=BoardRole.choices)
    organisation = models.CharField(max_length=200, blank=True)
    sector = models.CharField(max_length=120, blank=True)
    appointed_on = models.DateField()
    term_ends_on = models.DateField(
        null=True, blank=True, help_text="Blank while the term has no set end."
    )
    biography = models.TextField(blank=True, help_text="A short biography.")

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("sector")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("appointed_on"), FieldPanel("term_ends_on")]),
        FieldPanel("biography"),
        InlinePanel("memberships", label="Committee membership", heading="Committees"),
        InlinePanel("interests", label="Interest", heading="Register of interests"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("organisation"),
        index.SearchField("biography"),
        index.AutocompleteField("name"),
        index.FilterField("live"),
    ]

    index_page = BOARD_PAGE
    preview_template = "meetings/board/member_detail.html"

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"
        permissions = [
            ("publish_person", "Can publish person"),
            ("lock_person", "Can lock person"),
            ("unlock_person", "Can unlock person"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.slug and self.name:
            self.slug = slugify(self.name)[:80]
        errors = {}
        if (
            self.term_ends_on
            and self.appointed_on
            and self.term_ends_on < self.appointed_on
        ):
            errors["term_ends_on"] = "The term cannot end before the appointment."
        if self.photo_id and not self.photo_alt.strip():
            errors["photo_alt"] = "Describe the photo for people who cannot see it."
        if errors:
            raise ValidationError(errors)

    def get_url(self, base=None):
        return route_url(BOARD_PAGE, "member", self.slug, base=base)

    @property
    def url(self):
        return self.get_url()

    def is_current(self, today):
        return self.appointed_on <= today and (
            self.term_ends_on is None or self.term_ends_on >= today
        )

    def register_is_public(self, today, kept_days):
        """A register stays public for ``kept_days`` after the term ends."""
        if self.term_ends_on is None:
            return True
        return today <= self.term_ends_on + datetime.timedelta(days=kept_days)

    def register_updated_on(self):
        return self.interests.aggregate(latest=Max("registered_on"))["latest"]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["person"] = self
        context["memberships"] = list(self.memberships.all())
        context["interests"] = list(self.interests.all())
        context["register_public"] = True
        context["is_preview"] = True
        return context


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice-chair", "Vice-chair"
    MEMBER = "member", "Member"
    SUBSTITUTE = "substitute", "Substitute member"
    ADVISER = "adviser", "Adviser"


class Membership(Orderable):
    """A person's seat on a committee, with its dates."""

    Role = MembershipRole

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="memberships")
    committee = models.ForeignKey(
        "meetings.Committee", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(
        max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Blank while current.")

    panels = [
        FieldRowPanel([FieldPanel("committee"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "committee membership"

    def __str__(self):
        return f"{self.get_role_display()} of {self.committee}"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": "A membership cannot end before it starts."}
            )


class InterestCategory(models.TextChoices):
    EMPLOYMENT = "employment", "Employment and business"
    DIRECTORSHIPS = "directorships", "Directorships"
    SHAREHOLDINGS = "shareholdings", "Shareholdings"
    LAND = "land", "Land and property"
    MEMBERSHIPS = "memberships", "Memberships and offices"
    GIFTS = "gifts", "Gifts and hospitality"
    OTHER = "other", "Other"


class InterestEntry(Orderable):
    """One entry on a person's register of interests."""

    Category = InterestCategory

    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="interests")
    category = models.CharField(max_length=20, choices=InterestCategory.choices)
    description = models.TextField(help_text="As the member declared it.")
    value_pounds = models.DecimalField(
        "value (£)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For gifts and hospitality.",
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    registered_on = models.DateField(
        default=datetime.date.today,
        help_text="When this entry was added to the register or last changed.",
    )

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("value_pounds")]),
        FieldPanel("description"),
        FieldRowPanel(
            [
                FieldPanel("started_on"),
                FieldPanel("ended_on"),
                FieldPanel("registered_on"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "register entry"
        verbose_name_plural = "register entries"

    def __str__(self):
        return f"{self.get_category_display()}: {self.description[:60]}"

    def clean(self):
        errors = {}
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "An interest cannot end before it starts."
        if self.category == InterestCategory.GIFTS and self.value_pounds is None:
            errors["value_pounds"] = "Give the value of the gift or hospitality."
        if errors:
            raise ValidationError(errors)
