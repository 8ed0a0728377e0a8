"""The fixtures other tests lean on do what they say: a stopped clock, and a restored
seeded site that is the site seed_portal builds."""

import datetime
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from portal.ops import seeding
from tests import database
from tests.conftest import STOPPED_AT


def test_the_clock_stands_still_until_moved(clock):
    first = timezone.now()
    time.sleep(0.01)

    assert timezone.now() == first == STOPPED_AT
    assert datetime.date.today() == STOPPED_AT.date()

    clock.shift(datetime.timedelta(hours=2))

    assert timezone.now() == STOPPED_AT + datetime.timedelta(hours=2)


def row_counts():
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in database._tables():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.slow
@pytest.mark.django_db
def test_the_restored_seeded_site_is_the_one_seed_portal_builds(database_snapshots):
    database.restore(database_snapshots.seeded())
    restored = row_counts()

    database.restore(database_snapshots.migrated)
    seeding.seed_everything(log=lambda message: None)

    assert row_counts() == restored
    assert restored["meetings_meeting"] and restored["funding_fundedproject"]


@pytest.mark.skipif(not settings.REDIS_URL, reason="tests share a Redis only with it")
def test_emptying_the_cache_forgets_this_process_keys_of_every_version_only():
    from tests.cache import TestProcessRedisCache

    other_process = TestProcessRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "other"})
    other_process.set("kept", 1)
    cache.set("versioned", 1, version=2)

    cache.clear()

    assert cache.get("versioned", version=2) is None
    assert other_process.get("kept") == 1
    other_process.clear()
