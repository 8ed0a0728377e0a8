from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from meetings.models import MeetingDocument


class Command(BaseCommand):
    help = (
        "Mark meeting papers whose scheduled release time has passed as published, "
        "recording each in the admin history. (They are public from that time anyway: "
        "this makes the change visible to editors, caches and feeds.)"
    )

    def handle(self, *args, **options):
        due = MeetingDocument.objects.filter(
            publication=MeetingDocument.Publication.SCHEDULED,
            publish_at__lte=timezone.now(),
        ).select_for_update(skip_locked=True)
        released = 0
        with transaction.atomic():
            for document in due:
                document.publication = MeetingDocument.Publication.PUBLISHED
                document.published_at = document.publish_at
                document.save()
                log(document, "wagtail.publish", user=None)
                released += 1
        if released:
            self.stdout.write(f"Published {released} scheduled meeting document(s).")
