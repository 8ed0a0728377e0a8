from django.core.management.base import BaseCommand
from django.db import transaction

from portal.ops import seeding


class Command(BaseCommand):
    help = (
        "Create the portal's starting content. Safe to run again: it only adds what is "
        "missing and never changes a page an editor has edited."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        with transaction.atomic():
            created = seeding.seed_everything(log=log)
        self.stdout.write(
            self.style.SUCCESS(f"Seed content: {created} item(s) created.")
            if created
            else "Seed content: already in place, nothing changed."
        )
