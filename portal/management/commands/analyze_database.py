from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = (
        "Refresh the database's query planner statistics (ANALYZE). Run after bulk "
        "loads and `update_index`; the scheduler runs it daily."
    )

    def handle(self, *args, **options):
        # Without statistics SQLite drives a site search from every search index
        # entry of a model, one full-text lookup each, so a search slows as the
        # index grows; with them it starts from the full-text matches.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write("Database statistics refreshed.")
