from django.conf import settings
from django.db import models
from django.utils import timezone

from meetings.models.documents import MeetingDocument


class PaperCheck(models.Model):
    """What the accessibility checks found in a paper's current file
    (``meetings.accessibility``), and the text recognised on its scanned pages."""

    class Recognition(models.TextChoices):
        NOT_NEEDED = "", "Not needed"
        QUEUED = "queued", "Waiting for text recognition"
        DONE = "done", "Text recognised automatically"
        UNAVAILABLE = "unavailable", "Text recognition is not installed"
        FAILED = "failed", "Text recognition failed"

    document = models.OneToOneField(
        MeetingDocument,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="accessibility",
    )
    sha256 = models.CharField(
        "SHA-256 of the file checked", max_length=64, editable=False
    )
    checked = models.BooleanField(
        default=True, help_text="False for a type of file with nothing to check (CSV)."
    )
    passed = models.BooleanField(default=True, db_index=True)
    findings = models.JSONField(
        default=list, blank=True, help_text="Each: code, problem and action."
    )
    scanned_pages = models.JSONField(
        default=list, blank=True, help_text="Pages that are pictures with no text."
    )
    checked_at = models.DateTimeField(default=timezone.now)
    recognition = models.CharField(
        "text recognition",
        max_length=20,
        choices=Recognition.choices,
        blank=True,
    )
    recognised_text = models.TextField(
        blank=True, help_text="Text read by OCR from the scanned pages."
    )
    recognition_note = models.CharField(max_length=250, blank=True)
    recognised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "paper accessibility check"

    def __str__(self):
        return f"Accessibility of {self.document_id}"

    @property
    def blocks_publishing(self):
        return not self.passed and not settings.MEETINGS_PUBLISH_PAPERS_FAILING_CHECKS

    @classmethod
    def record(cls, document, report):
        """Keep ``report`` (a ``meetings.accessibility.Report``) on ``document``."""
        return cls.objects.update_or_create(
            document=document,
            defaults={
                "sha256": document.sha256,
                "checked": report.checked,
                "passed": report.passed,
                "findings": report.as_values(),
                "scanned_pages": report.scanned_pages,
                "checked_at": timezone.now(),
                "recognition": (
                    cls.Recognition.QUEUED
                    if report.scanned_pages
                    else cls.Recognition.NOT_NEEDED
                ),
                "recognised_text": "",
                "recognition_note": "",
                "recognised_at": None,
            },
        )[0]
