import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from meetings.models.meetings import INDEX_PAGE, AgendaItem, Meeting
from meetings.panels import DocumentFilePanel
from meetings.storage import private_storage
from portal.caching.routing import route_url
from portal.publishing import PublicQuerySet


def upload_path(instance, filename):
    return f"{instance.meeting_id or 'unfiled'}/{uuid.uuid4().hex}/{filename}"


class MeetingDocumentQuerySet(PublicQuerySet):
    def public(self, now=None):
        return self.filter(self.public_rule(now))

    def public_rule(self, now=None):
        """The one publication rule for meeting papers.

        Public when the meeting is live, the document is published (or its scheduled
        time has passed), and it is not attached to a confidential agenda item.
        """
        now = now or timezone.now()
        Publication = MeetingDocument.Publication
        return (
            (
                Q(publication=Publication.PUBLISHED)
                | Q(publication=Publication.SCHEDULED, publish_at__lte=now)
            )
            & (Q(agenda_item__isnull=True) | Q(agenda_item__confidential=False))
            & Q(meeting__live=True)
        )

    def newest_public_first(self):
        return self.annotate(
            public_since=Coalesce("publish_at", "published_at", "uploaded_at")
        ).order_by("-public_since", "-pk")


class MeetingDocument(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", "Agenda"
        MINUTES = "minutes", "Minutes"
        PAPER = "paper", "Paper"
        PRESENTATION = "presentation", "Presentation"
        SUPPLEMENTARY = "supplementary", "Supplementary"

    class Publication(models.TextChoices):
        UNPUBLISHED = "unpublished", "Not published"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"

    class MinutesStatus(models.TextChoices):
        DRAFT = "draft", "Draft – subject to approval"
        APPROVED = "approved", "Approved"

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
        help_text="Papers of a confidential item are never published.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PAPER)
    title = models.CharField(max_length=250)
    file = models.FileField(storage=private_storage, upload_to=upload_path)
    file_name = models.CharField(
        max_length=120, editable=False, help_text="The cleaned name it downloads as."
    )
    content_type = models.CharField(max_length=120, editable=False)
    publication = models.CharField(
        max_length=20, choices=Publication.choices, default=Publication.UNPUBLISHED
    )
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="For scheduled documents: when they become public (UK time).",
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_status = models.CharField(
        max_length=20,
        choices=MinutesStatus.choices,
        blank=True,
        help_text="For minutes only.",
    )
    approved_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_minutes",
        verbose_name="approved at meeting",
        help_text="For approved minutes: the meeting that approved them.",
    )
    file_size = models.PositiveBigIntegerField("size in bytes", editable=False)
    page_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, editable=False)
    text = models.TextField(blank=True, editable=False)
    text_warning = models.CharField(max_length=250, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingDocumentQuerySet.as_manager()

    panels = [
        FieldPanel("meeting"),
        FieldPanel("agenda_item"),
        FieldPanel("kind"),
        FieldPanel("title"),
        DocumentFilePanel(heading="File and earlier versions"),
        FieldPanel("file", widget=forms.FileInput),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("publication"), FieldPanel("publish_at")])],
            "Publication",
        ),
        MultiFieldPanel(
            [FieldPanel("minutes_status"), FieldPanel("approved_at")], "Minutes"
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.FilterField("publication"),
        index.FilterField("publish_at"),
        index.FilterField("meeting"),
        index.FilterField("agenda_item"),
        # The publication rule filters on these, so search can apply it too.
        index.RelatedFields("meeting", [index.FilterField("live")]),
        index.RelatedFields("agenda_item", [index.FilterField("confidential")]),
    ]

    class Meta:
        ordering = ["meeting", "kind", "pk"]
        verbose_name = "meeting document"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.publication == self.Publication.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        if self.kind != self.Kind.MINUTES:
            self.minutes_status = ""
        super().save(*args, **kwargs)
        report = getattr(self, "_accessibility_report", None)
        if report is not None:
            relation = self._meta.get_field("accessibility")
            check = relation.related_model.record(self, report)
            relation.set_cached_value(self, check)
            self._accessibility_report = None

    def clean(self):
        errors = {}
        if self.publication == self.Publication.SCHEDULED and not self.publish_at:
            errors["publish_at"] = "Give the date and time to publish it."
        if self.kind == self.Kind.MINUTES and not self.minutes_status:
            errors["minutes_status"] = (
                "Say whether these minutes are draft or approved."
            )
        if self.kind != self.Kind.MINUTES and (
            self.minutes_status or self.approved_at_id
        ):
            errors["minutes_status"] = "Only minutes have a draft or approved status."
        if (
            self.approved_at_id
            and self.meeting_id
            and self.approved_at.start <= self.meeting.start
        ):
            errors["approved_at"] = (
                "Minutes are approved at a later meeting than the one they record: "
                "choose a meeting after this one."
            )
        if (
            self.agenda_item_id
            and self.meeting_id
            and self.agenda_item.meeting_id != self.meeting_id
        ):
            errors["agenda_item"] = "Choose an item on this meeting's agenda."
        if (
            self.publication != self.Publication.UNPUBLISHED
            and not settings.MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS
        ):
            problems = [found["problem"] for found in self.accessibility_findings()]
            if problems:
                errors["publication"] = (
                    "This paper cannot be published until it passes the "
                    f"accessibility checks. {' '.join(problems)} Fix the file and "
                    "upload it again, or leave it unpublished."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def checked_for_accessibility(self):
        """Its ``PaperCheck``, or None if it was stored before the checks."""
        try:
            return self.accessibility
        except ObjectDoesNotExist:
            return None

    def accessibility_findings(self):
        """What the checks found in the file about to be stored, or else the
        stored one (see ``PaperCheck``): a list of dicts (code, problem, action)."""
        report = getattr(self, "_accessibility_report", None)
        if report is not None:
            return report.as_values()
        check = self.checked_for_accessibility
        return check.findings if check else []

    @property
    def is_draft_minutes(self):
        return (
            self.kind == self.Kind.MINUTES
            and self.minutes_status == self.MinutesStatus.DRAFT
        )

    @property
    def label(self):
        """The kind, and for minutes their status, as shown wherever it is listed."""
        if self.kind == self.Kind.MINUTES:
            return f"Minutes ({self.get_minutes_status_display() or 'status unknown'})"
        return self.get_kind_display()

    @property
    def extension(self):
        return self.file_name.rsplit(".", 1)[-1] if "." in self.file_name else ""

    def get_url(self, base=None):
        """Its download address ('' with no public meetings page); see Meeting."""
        return route_url(INDEX_PAGE, "document", self.pk, base=base)

    @property
    def url(self):
        return self.get_url()

    def apply_upload(self, checked, uploaded, user=None):
        """Take a checked upload as this document's file, keeping any earlier file."""
        if self.pk and self.file:
            MeetingDocumentVersion.objects.create(
                document=self,
                file=self.file.name,
                file_name=self.file_name,
                file_size=self.file_size,
                sha256=self.sha256,
                uploaded_by=self.uploaded_by,
                uploaded_at=self.uploaded_at,
            )
        uploaded.name = checked.name
        self.file = uploaded
        self.file_name = checked.name
        self.content_type = checked.content_type
        self.file_size = checked.size
        self.sha256 = checked.sha256
        self.page_count = checked.page_count
        self.text = checked.text
        self.text_warning = checked.warning
        self.record_accessibility_on_save(checked.accessibility)
        self.uploaded_by = user if user and user.is_authenticated else None
        self.uploaded_at = timezone.now()

    def record_accessibility_on_save(self, report):
        """Keep ``report`` (``meetings.accessibility.check``'s) as this document's
        ``PaperCheck`` when it is next saved; until then publishing is judged by it."""
        self._accessibility_report = report


class MeetingDocumentVersion(models.Model):
    """An earlier file of a document, kept for the record and never served."""

    document = models.ForeignKey(
        MeetingDocument, on_delete=models.CASCADE, related_name="versions"
    )
    file = models.FileField(storage=private_storage, upload_to=upload_path)
    file_name = models.CharField(max_length=120)
    file_size = models.PositiveBigIntegerField("size in bytes")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField()
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-replaced_at"]

    def __str__(self):
        return f"{self.file_name} (replaced {self.replaced_at:%d/%m/%Y %H:%M})"


def unpublish_papers_of_deleted_item(sender, instance, **kwargs):
    """Papers of a removed agenda item are unpublished rather than left unguarded."""
    MeetingDocument.objects.filter(agenda_item=instance).update(
        publication=MeetingDocument.Publication.UNPUBLISHED
    )


models.signals.pre_delete.connect(unpublish_papers_of_deleted_item, sender=AgendaItem)
