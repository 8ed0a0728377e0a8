"""Snapshots of the test database, so a seeded site is built once, not once a test.

A snapshot holds every row of every table, and every file of the storages the site
backs up (``portal.ops.backup``). Taking one reads them; restoring one empties the
tables and writes the rows back, inside the test's own transaction, so the test ends
as it always does: rolled back. Seeding the site takes seconds; restoring it takes a
fraction of one.

``Snapshots`` keeps three per test run (per worker with pytest-xdist): the database as
migrations leave it, taken when the test database is made; the strategy pages alone;
and the whole seed (``seed_portal``). The two seeded ones are made the first time a
test asks for them, from the first, then rolled back.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, transaction

from portal.ops import backup, seeding

BATCH_PARAMETERS = 900


@dataclass
class Snapshot:
    tables: dict = field(default_factory=dict)  # table: (columns, rows)
    files: dict = field(default_factory=dict)  # storage label: {name: bytes}


def _tables():
    """Every table of the installed models, but SQLite's full-text search table: it
    follows its index table through triggers, as when Wagtail writes the index."""
    tables = set(connection.introspection.django_table_names(only_existing=True))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
            )
            tables -= {name for (name,) in cursor.fetchall()}
    return sorted(tables)


def take():
    """The database's rows and the backed-up storages' files, as they are now."""
    snapshot = Snapshot()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {quote(table)}")
            names = [column[0] for column in cursor.description]
            snapshot.tables[table] = (names, cursor.fetchall())
    for label, storage in backup.storages_to_copy().items():
        snapshot.files[label] = {}
        for name in backup.files_in(storage):
            with storage.open(name, "rb") as file:
                snapshot.files[label][name] = file.read()
    return snapshot


def _insert(cursor, table, columns, rows):
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    per_batch = max(1, BATCH_PARAMETERS // len(columns))
    for start in range(0, len(rows), per_batch):
        batch = rows[start : start + per_batch]
        cursor.execute(
            f"INSERT INTO {quote(table)} ({names}) VALUES "
            + ", ".join([row_marks] * len(batch)),
            [value for row in batch for value in row],
        )


def restore(snapshot):
    """Make the database and the storages hold what ``snapshot`` holds.

    Foreign keys are checked when the transaction commits (Django makes them
    deferrable), so tables are emptied and filled in any order.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {quote(table)}")
        for table, (columns, rows) in snapshot.tables.items():
            if rows:
                _insert(cursor, table, columns, rows)
        # PostgreSQL's id sequences do not follow ids written explicitly.
        for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
            cursor.execute(sql)
    for label, storage in backup.storages_to_copy().items():
        for name, data in snapshot.files.get(label, {}).items():
            if not storage.exists(name):
                storage.save(name, ContentFile(data))
    cache.clear()


def _models():
    from django.apps import apps

    return apps.get_models(include_auto_created=True)


class Snapshots:
    """The migrated database, and the seeded sites made from it when first asked."""

    def __init__(self):
        self.migrated = take()
        self._seeded = None

    def _seed(self):
        with transaction.atomic():
            restore(self.migrated)
            quiet = lambda message: None  # noqa: E731
            seeding.seed_everything(log=quiet, only=["strategy"])
            strategy_only = take()
            seeding.seed_everything(log=quiet)
            everything = take()
            transaction.set_rollback(True)
        cache.clear()
        self._seeded = {"strategy": strategy_only, "everything": everything}

    def seeded(self, which="everything"):
        """``"everything"`` (``seed_portal``), or ``"strategy"`` (its pages alone)."""
        if self._seeded is None:
            self._seed()
        return self._seeded[which]
