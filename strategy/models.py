import re
from datetime import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.caching import changes
from portal.caching.routing import DirectRouteMixin, ViewRestrictionsCacheMixin
from portal.contact_address import public_address
from portal.models import SiteSettings
from portal.security import ratelimit
from portal.security.rich_text import sanitise
from strategy import queries


class BasePage(ViewRestrictionsCacheMixin, Page):
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

    def kept(self, request, name, compute):
        """``compute()``, kept until public content changes, except in a preview,
        which shows the draft being edited."""
        if getattr(request, "is_preview", False):
            return compute()
        return changes.cached(f"strategy:{name}:{self.pk}", compute)

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
    headline_figure = models.ForeignKey(
        "funding.Figure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave blank for the first headline figure of the funding page.",
    )
    headline_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="Instead of a figure, e.g. 'Over £760m invested, 2015–21'. "
        "Give its source below.",
    )
    headline_source = models.CharField(
        max_length=255, blank=True, help_text="Where the text above comes from."
    )
    headline_source_url = models.URLField(
        max_length=500, blank=True, verbose_name="headline source URL"
    )

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("summary"),
        FieldPanel("featured_page"),
        MultiFieldPanel(
            [
                FieldPanel("headline_figure"),
                FieldPanel("headline_text"),
                FieldPanel("headline_source"),
                FieldPanel("headline_source_url"),
            ],
            heading="Headline funding figure",
            help_text="Shown with the next Board meeting and the latest papers.",
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("heading")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    template = "strategy/home_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"], context["sections"] = self.kept(
            request, "home", self._featured_and_sections
        )
        context["current"] = self.kept(
            request,
            "home-current",
            lambda: queries.whats_current(self.headline_figure_id),
        )
        return context

    def clean(self):
        super().clean()
        if self.headline_text and not self.headline_source:
            raise ValidationError(
                {"headline_source": "Say where the headline text comes from."}
            )
        if self.headline_source_url and not self.headline_text:
            raise ValidationError(
                {"headline_text": "Write the headline text this source is for."}
            )

    def _featured_and_sections(self):
        featured = self.featured_page
        sections = (
            self.get_children()
            .live()
            .public()
            .in_menu()
            .specific()
            .defer_streamfields()
        )
        return featured if featured and featured.live else None, list(sections)


class StrategyPage(BasePage):
    class Status(models.TextChoices):
        IN_DEVELOPMENT = "in_development", "In development"
        CONSULTATION = "consultation", "Out for consultation"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.IN_DEVELOPMENT
    )
    status_as_of = models.DateField(
        null=True,
        blank=True,
        help_text="When the status was last confirmed: shown as “as of”. Update it "
        "whenever you check the status, so readers know how current it is.",
    )
    horizon_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the strategy runs to, e.g. 2030."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("status_as_of"),
                FieldPanel("horizon_year"),
            ],
            "Status",
        ),
        FieldPanel("body"),
        InlinePanel("milestones", label="Timeline milestones", heading="Timeline"),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = ["strategy.ThemePage", "strategy.FAQPage", "strategy.EventPage"]

    template = "strategy/strategy_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes, context["milestones"] = self.kept(
            request, "themes-and-milestones", self._themes_and_milestones
        )
        context["grand_challenges"] = [
            t for t in themes if t.kind == ThemePage.Kind.GRAND_CHALLENGE
        ]
        context["foundations"] = [
            t for t in themes if t.kind == ThemePage.Kind.FOUNDATION
        ]
        return context

    def _themes_and_milestones(self):
        themes = ThemePage.objects.child_of(self).live().public().defer_streamfields()
        return list(themes), list(self.milestones.select_related("link"))


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
    planned_as_of = models.DateField(
        null=True,
        blank=True,
        help_text="For a milestone not yet reached: when this date was stated. Shown "
        "as “planned, as stated in …”; clear it once the milestone happens.",
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
        FieldPanel("planned_as_of"),
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
        context["related"] = self.kept(
            request,
            "related-themes",
            lambda: list(
                ThemePage.objects.live()
                .public()
                .filter(related_from__page=self)
                .order_by("related_from__sort_order")
                .defer_streamfields()
            ),
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


def answer_text(answer):
    """An answer's words for search and structured data, without any stored script."""
    return " ".join(strip_tags(sanitise(answer.source)).split())


PARAGRAPH_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def answer_paragraphs(answer):
    """An answer as plain text that keeps its paragraphs, separated by a blank line."""
    html = PARAGRAPH_END.sub("\n", sanitise(answer.source))
    lines = (" ".join(line.split()) for line in strip_tags(html).splitlines())
    return "\n\n".join(line for line in lines if line)


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
            f"{q['question']} {answer_text(q['answer'])}"
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
                        "text": answer_paragraphs(q["answer"]),
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

    # The statement also lists the meeting papers that fail the accessibility checks.
    ACCESSIBILITY_STATEMENT_SLUG = "accessibility"

    parent_page_types = ["strategy.HomePage", "strategy.StandardPage"]
    subpage_types = ["strategy.StandardPage"]

    template = "strategy/standard_page.html"

    def get_template(self, request, *args, **kwargs):
        if self.slug == self.ACCESSIBILITY_STATEMENT_SLUG:
            return "strategy/accessibility_statement.html"
        return super().get_template(request, *args, **kwargs)


class ContactFormField(AbstractFormField):
    page = ParentalKey(
        "ContactPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class ContactFormBuilder(FormBuilder):
    """Wagtail's form fields, each with a maximum length, and a field for robots."""

    def create_multiline_field(self, field, options):
        options["max_length"] = ContactPage.MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return super().create_email_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[ContactPage.HONEYPOT] = forms.CharField(
            required=False, max_length=200, label="Leave this field empty"
        )
        return fields


class ContactPage(ViewRestrictionsCacheMixin, AbstractEmailForm):
    """A contact form: messages are kept in the admin and emailed to the contact
    address in the site settings."""

    HONEYPOT = "homepage"
    MESSAGE_MAX_LENGTH = 5000
    MESSAGES_PER_IP = 5
    WINDOW_SECONDS = 60 * 60

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Shown after a message is sent.",
    )

    form_builder = ContactFormBuilder
    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
        FieldPanel("subject", help_text="The subject of the email staff receive."),
    ]

    parent_page_types = ["strategy.HomePage"]
    subpage_types = []

    template = "strategy/contact_page.html"
    landing_page_template = "strategy/contact_page_landing.html"

    def get_submissions_list_view_class(self):
        # Imported here as Wagtail does: admin views cannot load with the models.
        from portal.security.form_exports import EscapedSubmissionsListView

        return EscapedSubmissionsListView

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if not ratelimit.allow_request(
                request, "contact", self.MESSAGES_PER_IP, self.WINDOW_SECONDS
            ):
                context = self.get_context(request)
                context["too_many"] = True
                context["form"] = self.get_form(page=self, user=request.user)
                return TemplateResponse(
                    request, self.get_template(request), context, status=429
                )
            if request.POST.get(self.HONEYPOT):
                return self.render_landing_page(request)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        form.cleaned_data.pop(self.HONEYPOT, None)
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        self.send_mail(form)
        return submission

    def send_mail(self, form):
        to_address = public_address(
            SiteSettings.for_site(self.get_site()).contact_email
        )
        recipients = [to_address] if to_address else [a for _, a in settings.MANAGERS]
        if not recipients:
            return
        reply_to = [
            value
            for field, value in form.cleaned_data.items()
            if isinstance(form.fields.get(field), forms.EmailField) and value
        ]
        EmailMessage(
            subject=self.subject or f"Message from the website: {self.title}",
            body=self.render_email(form),
            to=recipients,
            reply_to=reply_to[:1],
        ).send()
