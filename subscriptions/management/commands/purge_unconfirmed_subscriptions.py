from django.core.management.base import BaseCommand

from subscriptions.models import (
    UNCONFIRMED_DAYS,
    AlertSubscription,
    MailingListSubscriber,
)


class Command(BaseCommand):
    help = (
        f"Delete subscriptions never confirmed within {UNCONFIRMED_DAYS} days of "
        "signing up. Run it daily."
    )

    def handle(self, *args, **options):
        deleted = 0
        for model in (MailingListSubscriber, AlertSubscription):
            count, _ = model.objects.stale_unconfirmed().delete()
            deleted += count
        self.stdout.write(f"Deleted {deleted} unconfirmed subscription(s).")
