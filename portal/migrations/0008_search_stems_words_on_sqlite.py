"""SQLite's full-text search matches a word's other forms, as PostgreSQL's does.

Wagtail's SQLite backend makes its FTS5 table with the default tokenizer, which keeps
each word as written: "enterprise zone" found 21 sites and "enterprise zones" one.
The table is made again with the Porter stemmer, as PostgreSQL's English
configuration stems (portal/settings/base.py names it), and filled from the index
table it mirrors. Its triggers name the table, so they go on working.
"""

from django.db import migrations

STEMMED = "porter unicode61"


def _remake(apps, schema_editor, tokenizer):
    if schema_editor.connection.vendor != "sqlite":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    fts = f"{table}_fts"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [fts])
        if cursor.fetchone() is None:
            return  # SQLite built without FTS5: Wagtail searches without it.
    tokenize = f", tokenize='{tokenizer}'" if tokenizer else ""
    schema_editor.execute(f"DROP TABLE {fts}")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5(autocomplete, body, title{tokenize})"
    )
    schema_editor.execute(
        f"INSERT INTO {fts}(rowid, autocomplete, body, title) "
        f"SELECT id, autocomplete, body, title FROM {table}"
    )


def stem_words(apps, schema_editor):
    _remake(apps, schema_editor, STEMMED)


def keep_words_as_written(apps, schema_editor):
    _remake(apps, schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_contact_page"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(stem_words, keep_words_as_written)]
