"""Wagtail's search tables as Wagtail (modelsearch) makes them, again.

The reader search used to live inside them: earlier migrations here made Wagtail's SQLite
full-text table again with columns and triggers of the site's own (0002, 0006), added an index
of its titles (0005), and on PostgreSQL a ``text`` column and indexes (0002, 0003, 0007). The
reader search now has tables of its own (0011); this puts Wagtail's back as it ships them, and
no later migration touches them. Wagtail's entries are written again after ``migrate``
(search/apps.py), in its own way. The ``site_english`` configuration (0002) stays: the reader
index uses it, and Wagtail's backend on PostgreSQL too (``SEARCH_CONFIG``).
"""

import importlib

from django.db import migrations

reader_search = importlib.import_module("search.migrations.0002_reader_search")
entry_text_column = importlib.import_module("search.migrations.0003_entry_text_column")
title_index = importlib.import_module("search.migrations.0005_title_index")
snowball_stems = importlib.import_module("search.migrations.0006_snowball_stems")
newest_titles_index = importlib.import_module("search.migrations.0007_newest_titles_index")

ENTRY_TABLE = "wagtailsearch_indexentry"
POSTGRES_INDEXES = ["search_indexentry_newest_titles", "search_indexentry_text_column_gin", "search_indexentry_text_gin"]


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and reader_search.has_fts_table(cursor):
            title_index.drop_title_index(cursor)
            reader_search.sqlite_backwards(cursor)  # modelsearch's table and triggers
        elif connection.vendor == "postgresql":
            for index in POSTGRES_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {index}")
            cursor.execute(f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS text")


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            if reader_search.has_fts_table(cursor):
                reader_search.sqlite_forwards(cursor, snowball_stems.WORDS_ONLY)
                title_index.create_title_index(cursor, snowball_stems.WORDS_ONLY)
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # 0003's column and index, without its rewrite of every row
            cursor.execute(
                f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS text tsvector"
                " GENERATED ALWAYS AS (title || body) STORED"
            )
            cursor.execute(f"ALTER TABLE {ENTRY_TABLE} ALTER COLUMN text SET STORAGE MAIN")
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {entry_text_column.TEXT_INDEX} ON {ENTRY_TABLE} USING gin (text)"
            )
        newest_titles_index.forwards(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0009_rich_text_read_in_pieces")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
