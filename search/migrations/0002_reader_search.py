"""The search index reads English as readers write it (see search/indexing.py, search/query.py).

SQLite: Wagtail's full-text table is made again with the Porter stemmer, accents folded
(``remove_diacritics 2``) and a column for each rank (title, lead, body, references); its
triggers split the index entry's text into those columns, and fire only when the text changes.
PostgreSQL: the ``unaccent`` extension, a text search configuration of the site's own,
``site_english`` (English stemming of words with their accents removed), and a GIN index on an
entry's title and body together, which searches match.

The index itself is rebuilt after ``migrate`` (search/apps.py), since every entry changes.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
TEXT_INDEX = "search_indexentry_text_gin"
TRIGGERS = [f"{action}_{ENTRY_TABLE}_fts" for action in ("insert", "update", "delete")]


def sections(body):
    """SQL for the body, lead and references parts of ``body``, separated by char(30)."""
    at = f"instr({body}, char(30))"
    rest = f"substr({body}, {at} + 1)"
    next_at = f"instr({rest}, char(30))"
    return (
        f"CASE WHEN {at} > 0 THEN substr({body}, 1, {at} - 1) ELSE {body} END",
        f"CASE WHEN {at} > 0 THEN substr({rest}, 1, {next_at} - 1) ELSE '' END",
        f"CASE WHEN {at} > 0 THEN substr({rest}, {next_at} + 1) ELSE '' END",
    )


def sqlite_forwards(cursor, tokenize="porter unicode61 remove_diacritics 2"):
    """The table, its triggers and its rows. ``tokenize``: FTS5's tokenizer (search/migrations/0006
    makes the table again with another)."""
    body, lead, refs = sections("NEW.body")
    for trigger in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    cursor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title, lead, refs, tokenize = '{tokenize}')"
    )
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ENTRY_TABLE} BEGIN"
        f" INSERT INTO {FTS_TABLE}(rowid, autocomplete, title, body, lead, refs)"
        f" VALUES (NEW.id, NEW.autocomplete, NEW.title, {body}, {lead}, {refs}); END"
    )
    # Only when the text changes: modelsearch also updates every entry's title_norm.
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE OF autocomplete, title, body ON {ENTRY_TABLE} BEGIN"
        f" UPDATE {FTS_TABLE} SET autocomplete = NEW.autocomplete, title = NEW.title, body = {body},"
        f" lead = {lead}, refs = {refs} WHERE rowid = NEW.id; END"
    )
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ENTRY_TABLE} BEGIN"
        f" DELETE FROM {FTS_TABLE} WHERE rowid = OLD.id; END"
    )
    body, lead, refs = sections("body")
    cursor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, autocomplete, title, body, lead, refs)"  # noqa: S608
        f" SELECT id, autocomplete, title, {body}, {lead}, {refs} FROM {ENTRY_TABLE}"
    )


def sqlite_backwards(cursor):
    """modelsearch's own table and triggers."""
    for trigger in TRIGGERS:
        cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    cursor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title)")
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[0]} AFTER INSERT ON {ENTRY_TABLE} BEGIN INSERT INTO {FTS_TABLE}"
        "(title, body, autocomplete, rowid) VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END"
    )
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[1]} AFTER UPDATE ON {ENTRY_TABLE} BEGIN UPDATE {FTS_TABLE} SET"
        " title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete WHERE rowid=NEW.id; END"
    )
    cursor.execute(
        f"CREATE TRIGGER {TRIGGERS[2]} AFTER DELETE ON {ENTRY_TABLE} BEGIN DELETE FROM {FTS_TABLE}"
        " WHERE rowid=OLD.id; END"
    )
    cursor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, title, body, autocomplete)"  # noqa: S608
        f" SELECT id, title, body, autocomplete FROM {ENTRY_TABLE}"
    )


def postgres_forwards(cursor):
    cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
    if not cursor.fetchone():
        raise RuntimeError(
            "PostgreSQL has no 'unaccent' extension, which the site's search needs to find "
            "'Café' when a reader types 'cafe'. Install PostgreSQL's contrib modules on the "
            "database server (Debian/Ubuntu: the postgresql-contrib package; most other "
            "distributions: postgresql-contrib or postgresqlNN-contrib), then run migrate again."
        )
    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS site_english")
    cursor.execute("CREATE TEXT SEARCH CONFIGURATION site_english (COPY = english)")
    cursor.execute(
        "ALTER TEXT SEARCH CONFIGURATION site_english"
        " ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
    )
    # Searches match an entry's title and body together (search/postgres_backend.py).
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} ON {ENTRY_TABLE} USING gin ((title || body))")


def postgres_backwards(cursor):
    cursor.execute(f"DROP INDEX IF EXISTS {TEXT_INDEX}")
    cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS site_english")


def has_fts_table(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
    return cursor.fetchone() is not None


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and has_fts_table(cursor):  # no FTS5: modelsearch's fallback
            sqlite_forwards(cursor)
        elif connection.vendor == "postgresql":
            postgres_forwards(cursor)


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite" and has_fts_table(cursor):
            sqlite_backwards(cursor)
        elif connection.vendor == "postgresql":
            postgres_backwards(cursor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
