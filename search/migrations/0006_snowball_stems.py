"""SQLite: the full-text tables hold Snowball's English stems, which the site computes
(search/query.py ``stem``), as PostgreSQL's ``english`` configuration stems; FTS5 only splits
them into words. FTS5's own Porter stemmer took "news" for "new", "community" for "communism",
"herring" for "her" and "generous" for "general". Both tables are made again without it; every
entry is then written again with its stems after ``migrate`` (search/apps.py)."""

import importlib

from django.db import migrations

reader_search = importlib.import_module("search.migrations.0002_reader_search")
title_index = importlib.import_module("search.migrations.0005_title_index")

WORDS_ONLY = "unicode61 remove_diacritics 2"
PORTER = f"porter {WORDS_ONLY}"


def make_tables(tokenize):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            if reader_search.has_fts_table(cursor):  # without FTS5: modelsearch's fallback
                title_index.drop_title_index(cursor)
                reader_search.sqlite_forwards(cursor, tokenize)
                title_index.create_title_index(cursor, tokenize)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0005_title_index")]

    operations = [migrations.RunPython(make_tables(WORDS_ONLY), make_tables(PORTER), elidable=False)]
