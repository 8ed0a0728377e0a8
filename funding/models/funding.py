"""Funds, the figures reported for them, their rounds and projects, and Enterprise Zone
sites. Every figure and site names its ``Source``; every public listing goes through the
``public()`` query of its model."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.caching.routing import route_url
from portal.publishing import PublicQuerySet, PublishableModel

MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}
INDEX_PAGE = "funding.FundingIndexPage"


def map_link_panel():
    """A link to the saved latitude and longitude on OpenStreetMap, to check them."""
    return HelpPanel(template="funding/admin/map_link_panel.html")


class LocalAuthority(models.TextChoices):
    COUNTY_DURHAM = "county-durham", "County Durham"
    GATESHEAD = "gateshead", "Gateshead"
    NEWCASTLE = "newcastle-upon-tyne", "Newcastle upon Tyne"
    NORTH_TYNESIDE = "north-tyneside", "North Tyneside"
    NORTHUMBERLAND = "northumberland", "Northumberland"
    SOUTH_TYNESIDE = "south-tyneside", "South Tyneside"
    SUNDERLAND = "sunderland", "Sunderland"


def authorities_display(*codes):
    return " and ".join(LocalAuthority(code).label for code in codes if code)


class Source(models.Model):
    """Where a figure or a site's details were found, shown to the public beside it."""

    title = models.CharField(max_length=255, help_text="e.g. the page's title.")
    url = models.URLField(
        max_length=500,
        blank=True,
        verbose_name="URL",
        help_text="Blank only for a source that is not on the web.",
    )
    date_accessed = models.DateField(
        null=True, blank=True, help_text="When the page was last checked."
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("date_accessed")]

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "url"], name="unique_source")
        ]

    def __str__(self):
        return self.title


class Fund(PublishableModel, index.Indexed):
    name = models.CharField(max_length=160, unique=True)
    slug = models.SlugField(max_length=160, unique=True)
    funder = models.CharField(
        max_length=200,
        blank=True,
        help_text="The organisation that provides the money.",
    )
    description = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("funder"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("funder"),
        index.SearchField("description"),
        index.FilterField("live"),
    ]
    index_page = INDEX_PAGE
    preview_template = "funding/fund_detail.html"

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return route_url(INDEX_PAGE, "fund", self.slug)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(fund=self, figures=[], rounds=[], page_obj=[])
        return context


class FigureQuerySet(PublicQuerySet):
    def public_rule(self):
        return super().public_rule() & ~models.Q(fund__live=False)


class Figure(PublishableModel):
    """A reported amount (or other figure) with the source that reports it.

    Sources disagree, so a fund may have several figures: each is shown with its own.
    """

    class Section(models.TextChoices):
        FUNDING = "funding", "Funding secured"
        ENTERPRISE_ZONES = "enterprise-zones", "Enterprise Zone"

    fund = models.ForeignKey(
        Fund,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="figures",
        help_text="Leave blank for a figure across all programmes.",
    )
    label = models.CharField(
        max_length=200, help_text="What the figure counts, e.g. 'Growth Deal 2014'."
    )
    amount = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="In pounds, if it is an amount."
    )
    amount_is_minimum = models.BooleanField(
        default=False, help_text="The source says 'over' this amount."
    )
    text = models.CharField(
        max_length=200,
        blank=True,
        help_text="A figure that is not an amount, e.g. '12 schools, 3 colleges'.",
    )
    period = models.CharField(max_length=40, blank=True, help_text="e.g. '2015–21'.")
    section = models.CharField(
        max_length=20,
        choices=Section.choices,
        default=Section.FUNDING,
        help_text="The page the figure appears on.",
    )
    is_headline = models.BooleanField(
        default=False, help_text="Shown at the top of the funding page."
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    sort_order = models.PositiveSmallIntegerField(default=100)

    objects = FigureQuerySet.as_manager()

    panels = [
        FieldPanel("fund"),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("amount_is_minimum")]),
        FieldPanel("text"),
        FieldPanel("period"),
        FieldPanel("section"),
        FieldPanel("is_headline"),
        FieldPanel("source"),
        FieldPanel("sort_order"),
    ]
    index_page = INDEX_PAGE
    preview_template = "funding/previews/figure.html"

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.fund or 'All programmes'}: {self.label}"

    def clean(self):
        super().clean()
        if self.amount is None and not self.text:
            raise ValidationError("Give an amount or a text figure.")


class FundRoundQuerySet(PublicQuerySet):
    def public_rule(self):
        return super().public_rule() & models.Q(fund__live=True)


class FundRound(PublishableModel):
    class Status(models.TextChoices):
        ANNOUNCED = "announced", "Announced"
        OPEN = "open", "Open"
        ALLOCATED = "allocated", "Allocated"
        CLOSED = "closed", "Closed"

    identifier = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Stable, used by imports to update this round: keep it.",
    )
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(max_length=160, help_text="A name or number.")
    period = models.CharField(max_length=40, blank=True, help_text="e.g. '2015–21'.")
    amount_secured = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="In pounds; blank if not known."
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text="Leave blank if the source does not give one.",
    )
    date_announced = models.DateField(null=True, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    objects = FundRoundQuerySet.as_manager()

    panels = [
        FieldPanel("identifier"),
        FieldPanel("fund"),
        FieldPanel("name"),
        FieldPanel("period"),
        FieldPanel("amount_secured"),
        FieldPanel("status"),
        FieldPanel("date_announced"),
        FieldPanel("source"),
    ]
    index_page = INDEX_PAGE
    preview_template = "funding/previews/round.html"

    class Meta:
        ordering = ["fund__sort_order", "date_announced", "name"]
        verbose_name = "fund round"

    def __str__(self):
        return f"{self.fund}: {self.name}"


class FundedProjectQuerySet(PublicQuerySet):
    def in_local_authority(self, code):
        return self.filter(
            models.Q(local_authority=code) | models.Q(also_in_local_authority=code)
        )

    def public_rule(self):
        return (
            super().public_rule()
            & models.Q(fund__live=True)
            & ~models.Q(round__live=False)
        )

    def searchable(self):
        """``public()`` in a form the search backend can filter (it cannot join).

        The few live funds and rounds are listed by subquery: filtering on a list
        of all public project ids made the database build that list, 100,000 rows,
        on every search.
        """
        return self.filter(
            models.Q(round__isnull=True)
            | models.Q(round__in=FundRound.objects.filter(live=True).values("pk")),
            live=True,
            fund__in=Fund.objects.filter(live=True).values("pk"),
        )


class FundedProject(PublishableModel, index.Indexed):
    class Stage(models.TextChoices):
        PIPELINE = "pipeline", "Pipeline"
        ALLOCATED = "allocated", "Allocated"
        COMMITTED = "committed", "Committed"
        IN_PROGRESS = "in-progress", "In progress"
        COMPLETE = "complete", "Complete"

    identifier = models.SlugField(
        max_length=100,
        unique=True,
        help_text="Stable, used by imports and open data: keep it.",
    )
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="projects")
    round = models.ForeignKey(
        FundRound,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        help_text="Leave blank if the source does not say which round.",
    )
    title = models.CharField(max_length=255)
    recipient = models.CharField(
        max_length=200, blank=True, help_text="The organisation receiving the money."
    )
    recipient_identifier = models.CharField(
        "recipient's organisation identifier",
        max_length=100,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{2}-[A-Z0-9]+-\S+$",
                "Write an organisation identifier like GB-COH-01234567.",
            )
        ],
        help_text="Its org-id.guide identifier, used in the 360Giving data: "
        "GB-COH-<company number>, GB-CHC-<charity number>, GB-LAE-<code> for an "
        "English council. Leave blank if not known: never make one up.",
    )
    local_authority = models.CharField(
        max_length=30, choices=LocalAuthority.choices, blank=True
    )
    also_in_local_authority = models.CharField(
        max_length=30,
        choices=LocalAuthority.choices,
        blank=True,
        help_text="For a project that spans two local authorities.",
    )
    amount_awarded = models.DecimalField(**MONEY, help_text="In pounds.")
    total_cost = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="In pounds, all funders together."
    )
    stage = models.CharField(
        max_length=20,
        choices=Stage.choices,
        blank=True,
        help_text="Leave blank if not known.",
    )
    award_date = models.DateField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    objects = FundedProjectQuerySet.as_manager()

    panels = [
        FieldPanel("identifier"),
        FieldPanel("fund"),
        FieldPanel("round"),
        FieldPanel("title"),
        FieldPanel("recipient"),
        FieldPanel("recipient_identifier"),
        FieldRowPanel(
            [FieldPanel("local_authority"), FieldPanel("also_in_local_authority")]
        ),
        FieldRowPanel([FieldPanel("amount_awarded"), FieldPanel("total_cost")]),
        FieldPanel("stage"),
        FieldRowPanel(
            [
                FieldPanel("award_date"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
            ],
            heading="Dates",
        ),
        FieldRowPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading="Location"
        ),
        map_link_panel(),
        FieldPanel("description"),
        FieldPanel("source"),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("recipient"),
        index.SearchField("description"),
        index.SearchField("get_local_authority_display"),
        index.RelatedFields("fund", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("id"),
        index.FilterField("fund"),
        index.FilterField("round"),
    ]
    index_page = INDEX_PAGE
    preview_template = "funding/project_detail.html"

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "funded project"
        # Not ("live", "title"): SQLite cannot use that for a bare ``WHERE live``,
        # and would sort all the projects for every page of the list.
        indexes = [models.Index(fields=["title", "id"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return route_url(INDEX_PAGE, "project", self.identifier)

    def local_authorities_display(self):
        """'South Tyneside and Sunderland'; blank when the source names none."""
        return authorities_display(self.local_authority, self.also_in_local_authority)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["project"] = self
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.round_id and self.fund_id and self.round.fund_id != self.fund_id:
            errors["round"] = "This round belongs to another fund."
        if (
            self.total_cost is not None
            and self.amount_awarded is not None
            and self.total_cost < self.amount_awarded
        ):
            errors["total_cost"] = "The total cost cannot be less than the award."
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date cannot be before the start date."
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "Give both latitude and longitude, or neither."
        if errors:
            raise ValidationError(errors)


class EnterpriseZoneSiteQuerySet(PublicQuerySet):
    def in_local_authority(self, code):
        return self.filter(
            models.Q(local_authority=code) | models.Q(also_in_local_authority=code)
        )


class EnterpriseZoneSite(PublishableModel, index.Indexed):
    class ZoneRound(models.IntegerChoices):
        ROUND_1 = 1, "Round 1 (2012)"
        ROUND_2 = 2, "Round 2 (2016)"

    class Incentive(models.TextChoices):
        BUSINESS_RATES = "business-rates", "Business rates discount"
        CAPITAL_ALLOWANCES = "capital-allowances", "Enhanced capital allowances"

    name = models.CharField(max_length=160)
    slug = models.SlugField(
        max_length=160, unique=True, help_text="Its web address: keep it once public."
    )
    local_authority = models.CharField(max_length=30, choices=LocalAuthority.choices)
    also_in_local_authority = models.CharField(
        max_length=30,
        choices=LocalAuthority.choices,
        blank=True,
        help_text="For a site that spans two local authorities.",
    )
    place = models.CharField(
        max_length=120, blank=True, help_text="The town, e.g. 'Blyth'."
    )
    zone_round = models.PositiveSmallIntegerField(
        choices=ZoneRound.choices,
        null=True,
        blank=True,
        verbose_name="Enterprise Zone round",
        help_text="Leave blank if not known.",
    )
    incentive = models.CharField(
        max_length=30,
        choices=Incentive.choices,
        blank=True,
        help_text="Leave blank if not known.",
    )
    area_hectares = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Area in hectares; blank if not known.",
    )
    sectors = models.CharField(
        max_length=255,
        blank=True,
        help_text="Comma-separated, e.g. 'Offshore, subsea'.",
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    location_is_approximate = models.BooleanField(
        default=True,
        help_text="Untick once the point is on the site itself, not its town.",
    )
    availability = models.CharField(
        max_length=255, blank=True, help_text="e.g. 'Plots available'."
    )
    description = models.TextField(blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.CharField(
        max_length=255, blank=True, help_text="Who to ask about the site."
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    objects = EnterpriseZoneSiteQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("local_authority"),
                FieldPanel("also_in_local_authority"),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                map_link_panel(),
                FieldPanel("location_is_approximate"),
            ],
            heading="Where",
        ),
        FieldPanel("zone_round"),
        FieldPanel("incentive"),
        FieldPanel("area_hectares"),
        FieldPanel("sectors"),
        FieldPanel("availability"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("contact"),
        FieldPanel("source"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("place"),
        index.SearchField("local_authorities_display"),
        index.SearchField("sectors"),
        index.SearchField("get_zone_round_display"),
        index.SearchField("get_incentive_display"),
        index.SearchField("description"),
        index.FilterField("live"),
    ]
    index_page = INDEX_PAGE
    preview_template = "funding/site_detail.html"

    class Meta:
        ordering = ["name"]
        verbose_name = "Enterprise Zone site"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return route_url(INDEX_PAGE, "site", self.slug)

    def local_authorities_display(self):
        return authorities_display(self.local_authority, self.also_in_local_authority)

    def sector_list(self):
        return [s.strip() for s in self.sectors.split(",") if s.strip()]

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["site"] = self
        return context

    def json_ld(self, url):
        data = {
            "@context": "https://schema.org",
            "@type": "Place",
            "name": self.name,
            "url": url,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": self.place or self.get_local_authority_display(),
                "addressRegion": self.local_authorities_display(),
                "addressCountry": "GB",
            },
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            },
        }
        if self.description:
            data["description"] = self.description
        return data
