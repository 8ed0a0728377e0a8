from django.core.management.base import BaseCommand
from django.db import transaction

from funding.seed import seed as seed_funding
from meetings.seed import seed as seed_meetings
from strategy.seed import seed as seed_strategy

SEEDERS = [seed_strategy, seed_meetings, seed_funding]


class Command(BaseCommand):
    help = (
        "Create the portal's starting content. Safe to run again: it only adds what is "
        "missing and never changes a page an editor has edited."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        with transaction.atomic():
            created = sum(seeder(log=log) for seeder in SEEDERS)
        self.stdout.write(
            self.style.SUCCESS(f"Seed content: {created} item(s) created.")
            if created
            else "Seed content: already in place, nothing changed."
        )
