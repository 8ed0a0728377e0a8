"""The PostgreSQL search index takes new entries at once.

By default a GIN index queues new entries in a pending list that every search reads
through until a vacuum merges it, so after a bulk load every search read thousands of
queued entries. The site searches far more often than it publishes, so new entries go
straight into the index.
"""

from django.db import migrations

INDEX_NAME = "portal_search_title_body_gin"


def merge_entries_at_once(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX_NAME} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{INDEX_NAME}')")


def queue_entries(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX_NAME} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_search_title_and_body_index")]

    operations = [migrations.RunPython(merge_entries_at_once, queue_entries)]
