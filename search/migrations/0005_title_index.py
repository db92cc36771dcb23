"""SQLite: a full-text index of the entries' titles alone, read as the main one reads text,
kept in step with the entries by triggers.

Searches ask the titles often: the suggestions as a reader types, and every search's window,
which adds the posts whose title holds the whole query (search/sqlite_backend.py). In the main
index a word's matches are those of every column, so a title search stepped through them all
and checked each one's column: at 10,000 posts ~1.3 ms for a common word, ~0.4 ms for
"climate", against ~0.05 ms here. The table keeps no text of its own (``content``: the entries
table), only its index. PostgreSQL indexes the title column already.
"""

from django.db import migrations

TITLE_TABLE = "search_title_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
TRIGGERS = [f"{action}_{ENTRY_TABLE}_title" for action in ("insert", "update", "delete")]


def has_fts_table(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'wagtailsearch_indexentry_fts'")
    return cursor.fetchone() is not None


def create_title_index(cursor, tokenize="porter unicode61 remove_diacritics 2"):
    """The table, its triggers and its index of the entries' titles. ``tokenize``: FTS5's
    tokenizer (search/migrations/0006 makes the table again with another)."""
    cursor.execute(
        f"CREATE VIRTUAL TABLE {TITLE_TABLE} USING fts5(title, content = '{ENTRY_TABLE}',"
        f" content_rowid = 'id', tokenize = '{tokenize}')"
    )
    # An external-content index forgets an entry by being told its old text.
    insert = f"INSERT INTO {TITLE_TABLE}(rowid, title) VALUES (NEW.id, NEW.title);"
    delete = f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}, rowid, title) VALUES ('delete', OLD.id, OLD.title);"
    cursor.execute(f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ENTRY_TABLE} BEGIN {insert} END")
    cursor.execute(f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE OF title ON {ENTRY_TABLE} BEGIN {delete} {insert} END")
    cursor.execute(f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ENTRY_TABLE} BEGIN {delete} END")
    cursor.execute(f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}) VALUES ('rebuild')")


def drop_title_index(cursor):
    for trigger in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    cursor.execute(f"DROP TABLE IF EXISTS {TITLE_TABLE}")


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        if has_fts_table(cursor):  # without FTS5, modelsearch's fallback has no full-text table
            create_title_index(cursor)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            drop_title_index(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0004_index_text_read_as_queries")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
