from django.core.management.base import BaseCommand
from django.db.models import F, Q

from meetings import accessibility
from meetings.models import MeetingDocument, PaperCheck


class Command(BaseCommand):
    help = (
        "Check the accessibility of every meeting paper not yet checked (papers "
        "stored before the checks, or whose file changed), and queue text "
        "recognition again for scanned papers it could not read (after installing "
        "tesseract-ocr and poppler-utils). Safe to run again."
    )

    def handle(self, *args, **options):
        unchecked = MeetingDocument.objects.filter(
            Q(accessibility__isnull=True) | ~Q(accessibility__sha256=F("sha256"))
        ).only("pk", "file", "file_name", "sha256")
        checked = 0
        for document in unchecked.iterator():
            try:
                with document.file.open("rb") as file:
                    data = file.read()
            except OSError as error:
                self.stderr.write(f"{document.file_name}: could not read it ({error}).")
                continue
            PaperCheck.record(document, accessibility.check(document.extension, data))
            checked += 1
        retried = 0
        for check in PaperCheck.objects.filter(
            recognition__in=[
                PaperCheck.Recognition.UNAVAILABLE,
                PaperCheck.Recognition.FAILED,
            ]
        ):
            check.recognition = PaperCheck.Recognition.QUEUED
            check.save()
            retried += 1
        self.stdout.write(
            f"Checked {checked} paper(s); queued text recognition again for "
            f"{retried} scanned paper(s)."
        )
