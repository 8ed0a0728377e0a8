"""The decisions register and the forward plan of decisions to come.

A decision belongs to the agenda item it was taken on and links to the funds, rounds
and funded projects it concerns. A decision on a confidential item is public only as
its recorded public outcome. A plan entry leaves the public plan once a public
decision is recorded against it.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from meetings import schedule12a
from meetings.models.meetings import AgendaItem, Committee, Meeting
from portal.caching.routing import route_url
from portal.publishing import PublicQuerySet, PublishableModel

INDEX_PAGE = "meetings.BoardIndexPage"


class DecisionStatus(models.TextChoices):
    APPROVED = "approved", "Approved"
    APPROVED_WITH_CONDITIONS = "approved-with-conditions", "Approved with conditions"
    DEFERRED = "deferred", "Deferred"
    REJECTED = "rejected", "Rejected"
    NOTED = "noted", "Noted"


class DecisionQuerySet(PublicQuerySet):
    def public_rule(self):
        return super().public_rule() & models.Q(agenda_item__meeting__live=True)

    def searchable(self):
        """``public()`` in a form the search backend can filter (it cannot join)."""
        return self.filter(
            live=True,
            agenda_item__in=AgendaItem.objects.filter(meeting__live=True).values("pk"),
        )


class Decision(PublishableModel, index.Indexed, ClusterableModel):
    Status = DecisionStatus

    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="decisions",
        help_text="The agenda item the decision was taken on.",
    )
    title = models.CharField(
        max_length=250, help_text="A short name for the register, e.g. the scheme."
    )
    resolution = models.TextField(
        help_text="The resolution, as recorded in the minutes."
    )
    public_outcome = models.TextField(
        blank=True,
        help_text="For a confidential item: what the public may know of the decision. "
        "Shown instead of the resolution, which stays private.",
    )
    decided_on = models.DateField(
        "date", blank=True, help_text="Leave blank for the meeting's date."
    )
    status = models.CharField(max_length=30, choices=DecisionStatus.choices)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    conflicts_declared = models.TextField(
        blank=True, help_text="Who declared a conflict of interest, and what it was."
    )
    funds = ParentalManyToManyField(
        "funding.Fund", blank=True, related_name="board_decisions"
    )
    rounds = ParentalManyToManyField(
        "funding.FundRound", blank=True, related_name="board_decisions"
    )
    forward_plan_entry = models.ForeignKey(
        "meetings.ForwardPlanEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        help_text="The forward plan entry this decision was planned as: it leaves "
        "the plan once the decision is published.",
    )
    uid = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text="The admin form's creation key: a second post of it edits this.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = DecisionQuerySet.as_manager()

    panels = [
        FieldPanel("agenda_item"),  # a chooser: see meetings.decision_forms
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("decided_on")]),
        FieldPanel("resolution"),
        FieldPanel("public_outcome"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("votes_for"),
                        FieldPanel("votes_against"),
                        FieldPanel("abstentions"),
                    ]
                ),
            ],
            "Votes, where recorded",
        ),
        FieldPanel("conflicts_declared"),
        MultiFieldPanel(
            [
                FieldPanel("funds", widget=forms.CheckboxSelectMultiple),
                FieldPanel("rounds", widget=forms.CheckboxSelectMultiple),
                InlinePanel("project_links", label="Funded project"),
            ],
            "The money it concerns",
        ),
        FieldPanel("forward_plan_entry", widget=forms.Select),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("public_text"),
        index.FilterField("live"),
        index.FilterField("agenda_item"),
        index.FilterField("decided_on"),
    ]
    index_page = INDEX_PAGE
    preview_template = "meetings/decisions/decision_detail.html"

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["decided_on", "id"])]
        permissions = [
            ("publish_decision", "Can publish decision"),
            ("lock_decision", "Can lock decision"),
            ("unlock_decision", "Can unlock decision"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_confidential(self):
        return self.agenda_item.confidential

    def public_text(self):
        """What the public may read of the decision: never a confidential
        resolution."""
        if self.is_confidential:
            return self.public_outcome
        return self.resolution

    @property
    def votes_recorded(self):
        return any(
            votes is not None
            for votes in (self.votes_for, self.votes_against, self.abstentions)
        )

    def get_url(self, base=None):
        return route_url(INDEX_PAGE, "decision", self.pk, base=base)

    @property
    def url(self):
        return self.get_url()

    def clean(self):
        super().clean()
        if self.agenda_item_id and not self.decided_on:
            self.decided_on = timezone.localtime(self.agenda_item.meeting.start).date()
        if (
            self.agenda_item_id
            and self.agenda_item.confidential
            and not self.public_outcome.strip()
        ):
            raise ValidationError(
                {
                    "public_outcome": "The item is confidential: record what the "
                    "public may know of the decision. The resolution stays private."
                }
            )

    def save(self, *args, **kwargs):
        if not self.decided_on and self.agenda_item_id:
            self.decided_on = timezone.localtime(self.agenda_item.meeting.start).date()
        super().save(*args, **kwargs)

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(
            decision=self,
            projects=[link.project for link in self.project_links.all()],
            funds=list(self.funds.all()),
            rounds=list(self.rounds.all()),
            is_preview=True,
        )
        return context


class DecisionProject(Orderable):
    """A funded project a decision approved or changed."""

    decision = ParentalKey(
        Decision, on_delete=models.CASCADE, related_name="project_links"
    )
    project = models.ForeignKey(
        "funding.FundedProject",
        on_delete=models.CASCADE,
        related_name="board_decision_links",
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = "funded project"
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "project"], name="unique_decision_project"
            )
        ]


class ForwardPlanQuerySet(PublicQuerySet):
    def public_rule(self):
        """Published, and not yet decided: a public decision takes it off the plan."""
        decided = models.Exists(
            Decision.objects.public().filter(forward_plan_entry=models.OuterRef("pk"))
        )
        return super().public_rule() & ~decided

    def searchable(self):
        """``public()`` in a form the search backend can filter (it cannot join)."""
        return self.filter(live=True, pk__in=self.model.objects.public().values("pk"))


class ForwardPlanEntry(PublishableModel, index.Indexed):
    """A decision to come."""

    title = models.CharField(max_length=250)
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="forward_plan_entries"
    )
    summary = models.TextField(blank=True, help_text="What is to be decided.")
    expected_meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The meeting expected to take the decision, if it is set.",
    )
    lead_officer_name = models.CharField(max_length=120, blank=True)
    lead_officer_title = models.CharField(
        "lead officer's job title", max_length=160, blank=True
    )
    private = models.BooleanField(
        "to be taken in private",
        default=False,
        help_text="The decision will be taken in private under Schedule 12A.",
    )
    private_paragraph = schedule12a.paragraph_field()
    private_reason = models.CharField(
        "more about the reason",
        max_length=250,
        blank=True,
        help_text="Optional, shown to the public after the paragraph.",
    )
    uid = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text="The admin form's creation key: a second post of it edits this.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ForwardPlanQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("committee", widget=forms.Select),
        FieldPanel("summary"),
        FieldPanel("expected_meeting", widget=forms.Select),
        FieldRowPanel(
            [FieldPanel("lead_officer_name"), FieldPanel("lead_officer_title")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("private"),
                FieldRowPanel(
                    [FieldPanel("private_paragraph"), FieldPanel("private_reason")]
                ),
            ],
            "Taken in private?",
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.RelatedFields("committee", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("id"),
    ]
    index_page = INDEX_PAGE
    preview_template = "meetings/decisions/forward_plan.html"

    class Meta:
        ordering = ["committee__sort_order", "pk"]
        verbose_name = "forward plan entry"
        verbose_name_plural = "forward plan"
        permissions = [
            ("publish_forwardplanentry", "Can publish forward plan entry"),
            ("lock_forwardplanentry", "Can lock forward plan entry"),
            ("unlock_forwardplanentry", "Can unlock forward plan entry"),
        ]

    def __str__(self):
        return self.title

    def get_url(self, base=None):
        plan = route_url(INDEX_PAGE, "forward_plan", base=base)
        return f"{plan}#forward-plan-{self.pk}" if plan else ""

    @property
    def url(self):
        return self.get_url()

    @property
    def exemption(self):
        if not self.private:
            return ""
        return schedule12a.exemption(self.private_paragraph, self.private_reason)

    @property
    def lead_officer(self):
        return ", ".join(
            part for part in (self.lead_officer_name, self.lead_officer_title) if part
        )

    def clean(self):
        super().clean()
        if self.private and not self.private_paragraph:
            raise ValidationError(
                {
                    "private_paragraph": "Choose the paragraph of Schedule 12A under "
                    "which it will be taken in private."
                }
            )
        if (
            self.expected_meeting_id
            and self.committee_id
            and self.expected_meeting.committee_id != self.committee_id
        ):
            raise ValidationError(
                {"expected_meeting": "Choose a meeting of the same committee."}
            )

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(entries=[self], is_preview=True)
        return context
