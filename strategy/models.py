from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.routing import DirectRouteMixin


class BasePage(Page):
    """Fields every content page shares: a plain-text summary and the body stream."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences, shown in listings, search results and "
        "link previews.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = ["summary", "body"]

    class Meta:
        abstract = True

    def search_text(self):
        """The page's words, for the passage shown under a search result."""
        return " ".join(
            [self.summary or self.search_description, strip_tags(str(self.body))]
        )

    def meta_description(self):
        return self.search_description or self.summary


class HomePage(DirectRouteMixin, BasePage):
    heading = models.CharField(
        max_length=160,
        help_text="The main heading, e.g. the partnership's strapline.",
    )
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page highlighted under the heading, e.g. the strategy.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("summary"),
        FieldPanel("featured_page"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("heading")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    template = "strategy/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = (
            self.get_children()
            .live()
            .public()
            .in_menu()
            .specific()
            .defer_streamfields()
        )
        return context


class StrategyPage(BasePage):
    class Status(models.TextChoices):
        IN_DEVELOPMENT = "in_development", "In development"
        CONSULTATION = "consultation", "Out for consultation"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_DEVELOPMENT
    )
    horizon_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the strategy runs to, e.g. 2030."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("horizon_year")], "Status"),
        FieldPanel("body"),
        InlinePanel("milestones", label="Timeline milestones", heading="Timeline"),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["strategy.ThemePage", "strategy.FAQPage", "strategy.EventPage"]

    template = "strategy/strategy_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(
            ThemePage.objects.child_of(self).live().public().defer_streamfields()
        )
        context["grand_challenges"] = [
            t for t in themes if t.kind == ThemePage.Kind.GRAND_CHALLENGE
        ]
        context["foundations"] = [
            t for t in themes if t.kind == ThemePage.Kind.FOUNDATION
        ]
        context["milestones"] = list(self.milestones.all())
        return context


class Milestone(Orderable):
    page = ParentalKey(
        StrategyPage, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(max_length=120)
    date = models.DateField(
        null=True, blank=True, help_text="Leave blank if not yet known."
    )
    date_label = models.CharField(
        max_length=40,
        blank=True,
        help_text="Shown instead of an exact date, e.g. 'Early 2020'.",
    )
    description = models.TextField(blank=True)
    link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("date"),
        FieldPanel("date_label"),
        FieldPanel("description"),
        FieldPanel("link"),
    ]

    def __str__(self):
        return self.title


class ThemePage(BasePage):
    class Kind(models.TextChoices):
        GRAND_CHALLENGE = "grand_challenge", "Grand Challenge"
        FOUNDATION = "foundation", "Foundation of Productivity"

    kind = models.CharField(max_length=20, choices=Kind.choices)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("related_themes", label="Related themes"),
    ]
    search_fields = BasePage.search_fields + [index.FilterField("kind")]

    parent_page_types = ["strategy.StrategyPage"]
    subpage_types = []

    template = "strategy/theme_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = (
            ThemePage.objects.live()
            .public()
            .filter(related_from__page=self)
            .order_by("related_from__sort_order")
            .defer_streamfields()
        )
        return context


class RelatedTheme(Orderable):
    page = ParentalKey(
        ThemePage, on_delete=models.CASCADE, related_name="related_themes"
    )
    theme = models.ForeignKey(
        ThemePage, on_delete=models.CASCADE, related_name="related_from"
    )

    panels = [FieldPanel("theme")]


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="The link to this question (#anchor), made from the question "
        "if blank; "
        "keep it once published so links keep working.",
    )
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class FAQGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    questions = blocks.ListBlock(FAQBlock())


class FAQPage(BasePage):
    faqs = StreamField([("group", FAQGroupBlock())], blank=True, verbose_name="FAQs")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("faqs"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("faqs")]

    parent_page_types = ["strategy.HomePage", "strategy.StrategyPage"]
    subpage_types = []

    template = "strategy/faq_page.html"

    class Meta:
        verbose_name = "FAQ page"

    def search_text(self):
        questions = " ".join(
            f"{q['question']} {strip_tags(q['answer'].source)}"
            for group in self.groups()
            for q in group["questions"]
        )
        return f"{super().search_text()} {questions}"

    def groups(self):
        """Each group with its questions, every question given a unique anchor."""
        used = set()
        result = []
        for group in self.faqs:
            questions = []
            for item in group.value["questions"]:
                base = slugify(item["anchor"] or item["question"])[:80] or "question"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
                questions.append(
                    {
                        "question": item["question"],
                        "answer": item["answer"],
                        "anchor": anchor,
                    }
                )
            result.append({"heading": group.value["heading"], "questions": questions})
        return result

    def json_ld(self):
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": q["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": " ".join(strip_tags(q["answer"].source).split()),
                    },
                }
                for group in self.groups()
                for q in group["questions"]
            ],
        }


class EventPage(BasePage):
    date = models.DateField()
    end_date = models.DateField(
        null=True, blank=True, help_text="For events over several days."
    )
    start_time = models.TimeField(
        null=True, blank=True, help_text="Leave blank if not known."
    )
    end_time = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    attendance = models.CharField(
        max_length=80, blank=True, help_text="e.g. 'Over 350 delegates'."
    )
    outcome = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("end_date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("place"),
                FieldPanel("attendance"),
            ],
            "When and where",
        ),
        FieldPanel("body"),
        FieldPanel("outcome"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("place"),
        index.SearchField("outcome"),
    ]

    parent_page_types = ["strategy.StrategyPage", "strategy.HomePage"]
    subpage_types = []

    template = "strategy/event_page.html"

    def clean(self):
        super().clean()
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError(
                {"end_date": "The end date must not be before the start date."}
            )

    def _iso(self, day, time):
        return datetime.combine(day, time).isoformat() if time else day.isoformat()

    def json_ld(self):
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self._iso(self.date, self.start_time),
            "eventStatus": "https://schema.org/EventScheduled",
            "description": self.summary,
        }
        if self.end_date or self.end_time:
            data["endDate"] = self._iso(self.end_date or self.date, self.end_time)
        if self.place:
            data["location"] = {
                "@type": "Place",
                "name": self.place,
                "address": self.place,
            }
        return data


class StandardPage(BasePage):
    """About, accessibility statement, privacy notice, cookies and similar pages."""

    parent_page_types = ["strategy.HomePage", "strategy.StandardPage"]
    subpage_types = ["strategy.StandardPage"]

    template = "strategy/standard_page.html"
