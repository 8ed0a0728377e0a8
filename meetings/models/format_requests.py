"""Requests from the public for a meeting paper in another format.

They hold personal data (a name and an email address): only board secretaries see
them, in the admin, and nothing public ever reads this model.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from meetings.models.documents import MeetingDocument


class FormatRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=FormatRequest.Status.OPEN)


class FormatRequest(models.Model):
    class Format(models.TextChoices):
        LARGE_PRINT = "large-print", "Large print"
        PLAIN_TEXT = "plain-text", "Plain text"
        EASY_READ = "easy-read", "Easy read"
        OTHER = "other", "Something else"
        # For papers no longer listed for download (see MEETINGS_PAPERS_LISTED_MONTHS).
        AS_PUBLISHED = "as-published", "The paper as it was published"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    document = models.ForeignKey(
        MeetingDocument,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="format_requests",
        verbose_name="paper",
    )
    paper_title = models.CharField(
        max_length=250, help_text="The paper's title when it was asked for."
    )
    format = models.CharField(max_length=20, choices=Format.choices)
    details = models.TextField(
        blank=True, help_text="What the person told us about what they need."
    )
    name = models.CharField(max_length=150)
    email = models.EmailField(max_length=254)
    received_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField(
        "answer by", help_text="The last working day to send the paper."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default="open")
    response_note = models.TextField(
        "what we did",
        blank=True,
        help_text="For the record: what was sent, and how. Not shown to the public.",
    )
    done_at = models.DateTimeField(null=True, blank=True, editable=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = FormatRequestQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("paper_title", read_only=True),
                FieldRowPanel(
                    [FieldPanel("format", read_only=True), FieldPanel("due_on")]
                ),
                FieldPanel("details", read_only=True),
                FieldRowPanel(
                    [FieldPanel("name", read_only=True), FieldPanel("email")]
                ),
            ],
            "The request",
        ),
        FieldPanel("status"),
        FieldPanel("response_note"),
    ]

    class Meta:
        ordering = ["status", "due_on", "pk"]
        verbose_name = "request for another format"
        verbose_name_plural = "requests for another format"

    def __str__(self):
        return f"{self.get_format_display()}: {self.paper_title}"

    def save(self, *args, **kwargs):
        if self.status == self.Status.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status == self.Status.OPEN:
            self.done_at = None
            self.done_by = None
        super().save(*args, **kwargs)

    @property
    def overdue(self):
        return self.status == self.Status.OPEN and timezone.localdate() > self.due_on
