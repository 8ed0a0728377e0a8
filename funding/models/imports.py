"""A CSV import the job worker runs outside the request: its file, progress and result.

The uploaded file is kept here, in the database (private, and reachable from every
app server's worker), only until the import is applied or fails; then it is deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the job worker"
        RUNNING = "running", "Running"
        PREVIEWED = "previewed", "Checked: waiting to be applied"
        DONE = "done", "Finished"
        FAILED = "failed", "Stopped: nothing was changed"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(max_length=20)
    file_name = models.CharField(max_length=255)
    data = models.BinaryField(
        blank=True, help_text="The uploaded file, deleted once the import ends."
    )
    dry_run = models.BooleanField(default=True)
    publish = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One import of each kind at a time, whichever server queues it.
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(status__in=["queued", "running"]),
                name="one_active_import_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.kind} import of {self.file_name} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status in self.ACTIVE
