"""PostgreSQL: an index entry's title and body together as a stored column, ``text``, with its
GIN index, in place of 0002's index on the expression ``title || body``.

Searches match and rank ``text`` (search/postgres_backend.py). Joining the two vectors for every
entry a search reads cost more than the match itself, and so did fetching a vector kept apart
from its row (TOAST): at 10,000 posts, the newest 500 entries holding a common phrase took 27 ms
joined on the fly, 9 ms from a stored column and 2.5 ms with the column kept in its row
(``STORAGE MAIN``: compressed in the row, moved out only when a row would not fit otherwise).
PostgreSQL keeps the column up to date itself (a generated column), so modelsearch's writes need
not know of it. Nothing to do on SQLite, whose full-text table has a column for each rank.
"""

from django.db import migrations

ENTRY_TABLE = "wagtailsearch_indexentry"
OLD_INDEX = "search_indexentry_text_gin"
TEXT_INDEX = "search_indexentry_text_column_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS text tsvector"
            " GENERATED ALWAYS AS (title || body) STORED"
        )
        cursor.execute(f"ALTER TABLE {ENTRY_TABLE} ALTER COLUMN text SET STORAGE MAIN")
        # Rows written before take the new storage when written again.
        cursor.execute(f"UPDATE {ENTRY_TABLE} SET title_norm = title_norm")  # noqa: S608
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} ON {ENTRY_TABLE} USING gin (text)")
        cursor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {ENTRY_TABLE} USING gin ((title || body))")
        cursor.execute(f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS text")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_reader_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
