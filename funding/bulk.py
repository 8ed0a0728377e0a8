"""Bulk data for benchmarks, added by `manage.py generate_bulk_data --projects N`.

The projects are made up, and say so in their description and source: they exist to
measure the pages and exports at size, never to be published on a real site.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from funding.models import Fund, FundedProject, LocalAuthority, Source
from portal.caching import changes

BATCH_SIZE = 2000
PREFIX = "bulk-"
SOURCE_TITLE = "Generated benchmark data (not real)"
PLACES = ["Riverside", "Quayside", "Town Centre", "Business Park", "Campus", "Harbour"]
WORKS = [
    "regeneration",
    "skills centre",
    "innovation hub",
    "road improvements",
    "flood defences",
    "digital infrastructure",
    "incubator units",
    "low-carbon heat network",
]
RECIPIENTS = [
    "Durham County Council",
    "Gateshead Council",
    "Newcastle City Council",
    "North Tyneside Council",
    "Northumberland County Council",
    "South Tyneside Council",
    "Sunderland City Council",
    "A regional university",
    "A further education college",
]


def generate(projects=0, log=print, seed=1):
    """Add ``projects`` made-up projects to the existing funds; return how many."""
    if projects <= 0:
        return 0
    funds = list(Fund.objects.all())
    if not funds:
        log("No funds yet: run `manage.py seed_portal` first.")
        return 0
    rng = random.Random(seed)
    source, _ = Source.objects.get_or_create(title=SOURCE_TITLE, url="")
    start = FundedProject.objects.filter(identifier__startswith=PREFIX).count()
    authorities = [value for value, _ in LocalAuthority.choices]
    stages = [value for value, _ in FundedProject.Stage.choices]
    now = timezone.now()
    created = 0
    with transaction.atomic():
        for batch_start in range(start, start + projects, BATCH_SIZE):
            batch = []
            for n in range(
                batch_start, min(batch_start + BATCH_SIZE, start + projects)
            ):
                award = Decimal(rng.randrange(50_000, 20_000_000, 1_000))
                batch.append(
                    FundedProject(
                        identifier=f"{PREFIX}{n + 1}",
                        fund=rng.choice(funds),
                        title=f"{rng.choice(PLACES)} {rng.choice(WORKS)} {n + 1}",
                        recipient=rng.choice(RECIPIENTS),
                        local_authority=rng.choice(authorities),
                        amount_awarded=award,
                        total_cost=award * rng.choice([1, 2, 3]),
                        stage=rng.choice(stages),
                        award_date=datetime.date(
                            rng.randrange(2012, 2021),
                            rng.randint(1, 12),
                            rng.randint(1, 28),
                        ),
                        description="Generated for benchmarks: not a real project.",
                        source=source,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            FundedProject.objects.bulk_create(batch)
            created += len(batch)
    # Bulk inserts send no signals: cached pages and exports are forgotten here.
    changes.public_content_changed()
    log(f"Created {created} generated funded projects.")
    return created
