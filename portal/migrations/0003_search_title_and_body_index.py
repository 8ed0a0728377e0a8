"""An index for PostgreSQL searches.

Wagtail's PostgreSQL search asks for ``(title || body) @@ query``. The GIN indexes on
``title`` and ``body`` alone cannot answer that, so every search read every index entry
of each model searched, however many there were. A GIN index on the same expression
reads only the matching entries. SQLite searches its own FTS5 table and needs nothing.
"""

from django.db import migrations

INDEX_NAME = "portal_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} "
            "USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_roles_least_privilege"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
