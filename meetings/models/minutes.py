"""Minutes written in the admin as a web page, item by item.

Attendance and declarations are not typed again: the page shows the meeting's
Attendance and Declaration records. Minutes are public only once published and while
their meeting is; a saved draft never is. Their status (draft, subject to approval, or
approved) follows the rule of minutes documents.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from meetings.models.documents import MeetingDocument
from meetings.models.meetings import INDEX_PAGE, AgendaItem, Meeting
from portal.blocks import RICH_TEXT_FEATURES
from portal.publishing import PublicQuerySet, PublishableModel


class MeetingMinutesQuerySet(PublicQuerySet):
    def public_rule(self):
        return Q(live=True) & Q(meeting__live=True)


class MeetingMinutes(PublishableModel, ClusterableModel):
    Status = MeetingDocument.MinutesStatus

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    approved_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_web_minutes",
        verbose_name="approved at meeting",
        help_text="For approved minutes: the meeting that approved them.",
    )
    introduction = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Optional: anything said before the first item.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingMinutesQuerySet.as_manager()

    panels = [
        FieldPanel("meeting"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("approved_at")], "Approval"),
        FieldPanel("introduction"),
        InlinePanel("items", label="Item", heading="Minutes of each agenda item"),
    ]

    index_page = INDEX_PAGE
    preview_template = "meetings/minutes_preview.html"

    class Meta:
        verbose_name = "minutes"
        verbose_name_plural = "minutes"
        permissions = [
            ("publish_meetingminutes", "Can publish minutes"),
            ("lock_meetingminutes", "Can lock minutes"),
            ("unlock_meetingminutes", "Can unlock minutes"),
        ]

    def __str__(self):
        return f"Minutes: {self.meeting}" if self.meeting_id else "Minutes"

    def clean(self):
        if (
            self.approved_at_id
            and self.meeting_id
            and self.approved_at.start <= self.meeting.start
        ):
            raise ValidationError(
                {
                    "approved_at": "Minutes are approved at a later meeting than the "
                    "one they record: choose a meeting after this one."
                }
            )
        if self.approved_at_id and self.status != self.Status.APPROVED:
            raise ValidationError(
                {"status": "Minutes approved at a meeting are Approved: choose it."}
            )

    @property
    def label(self):
        return f"Minutes ({self.get_status_display()})"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["minutes"] = self
        context["meeting"] = self.meeting if self.meeting_id else None
        context["minutes_items"] = list(self.items.all())
        context["is_preview"] = True
        return context


class MinutesItem(Orderable):
    minutes = ParentalKey(
        MeetingMinutes, on_delete=models.CASCADE, related_name="items"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The agenda item these minutes record.",
    )
    discussion = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text="What was discussed."
    )
    decision = RichTextField(
        blank=True, features=RICH_TEXT_FEATURES, help_text="What was decided."
    )

    panels = [
        FieldPanel("agenda_item"),
        FieldPanel("discussion"),
        FieldPanel("decision"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "minutes item"

    def __str__(self):
        return str(self.agenda_item) if self.agenda_item_id else "Minutes item"

    def clean(self):
        if (
            self.agenda_item_id
            and self.minutes_id
            and self.minutes.meeting_id
            and self.agenda_item.meeting_id != self.minutes.meeting_id
        ):
            raise ValidationError(
                {"agenda_item": "Choose an item on this meeting's agenda."}
            )
