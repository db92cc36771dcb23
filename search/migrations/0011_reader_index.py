"""The reader search's own index: an entry per live post (search.PostEntry), and what each
database needs to search it.

SQLite: two FTS5 tables of the entries' stems, kept by triggers on the entries: one with a
column per rank (the body column holds the body and the names), one of the titles alone (its
text is the entries', ``content``). FTS5 only splits words (and folds accents): the stems are
Snowball's, computed by the site (search/query.py ``stem``).
PostgreSQL: GIN indexes on ``vector`` and ``title_vector``; ``vector`` kept in its row
(``STORAGE MAIN``: a search reads it for every entry it ranks, which TOAST made several times
dearer); an index of the ids with their title vectors, read newest first for the posts whose
title holds the query without reading the rows.

The entries are written after ``migrate`` (search/apps.py).
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

ENTRY_TABLE = "search_postentry"
TEXT_TABLE = "search_postentry_fts"
TITLE_TABLE = "search_title_fts"
TOKENIZE = "unicode61 remove_diacritics 2"
BODY = "NEW.body || ' ' || NEW.names"


def sqlite_statements():
    new = f"(NEW.post_id, NEW.title, NEW.lead, {BODY}, NEW.refs)"
    forget_title = f"INSERT INTO {TITLE_TABLE}({TITLE_TABLE}, rowid, title) VALUES ('delete', OLD.post_id, OLD.title);"
    add_title = f"INSERT INTO {TITLE_TABLE}(rowid, title) VALUES (NEW.post_id, NEW.title);"
    return [
        f"CREATE VIRTUAL TABLE {TEXT_TABLE} USING fts5(title, lead, body, refs, tokenize = '{TOKENIZE}')",
        f"CREATE VIRTUAL TABLE {TITLE_TABLE} USING fts5(title, content = '{ENTRY_TABLE}',"
        f" content_rowid = 'post_id', tokenize = '{TOKENIZE}')",
        f"CREATE TRIGGER search_postentry_insert AFTER INSERT ON {ENTRY_TABLE} BEGIN"
        f" INSERT INTO {TEXT_TABLE}(rowid, title, lead, body, refs) VALUES {new}; {add_title} END",
        f"CREATE TRIGGER search_postentry_update AFTER UPDATE OF title, lead, body, names, refs ON {ENTRY_TABLE} BEGIN"
        f" UPDATE {TEXT_TABLE} SET title = NEW.title, lead = NEW.lead, body = {BODY}, refs = NEW.refs"
        f" WHERE rowid = NEW.post_id; {forget_title} {add_title} END",
        # An external-content index forgets an entry by being told its old text.
        f"CREATE TRIGGER search_postentry_delete AFTER DELETE ON {ENTRY_TABLE} BEGIN"
        f" DELETE FROM {TEXT_TABLE} WHERE rowid = OLD.post_id; {forget_title} END",
    ]


def postgres_statements():
    return [
        f"ALTER TABLE {ENTRY_TABLE} ALTER COLUMN vector SET STORAGE MAIN",
        f"CREATE INDEX search_postentry_vector_gin ON {ENTRY_TABLE} USING gin (vector)",
        f"CREATE INDEX search_postentry_title_vector_gin ON {ENTRY_TABLE} USING gin (title_vector)",
        f"CREATE INDEX search_postentry_newest_titles ON {ENTRY_TABLE} (post_id) INCLUDE (title_vector)",
    ]


def forwards(apps, schema_editor):
    statements = {"sqlite": sqlite_statements, "postgresql": postgres_statements}.get(schema_editor.connection.vendor)
    if statements:
        with schema_editor.connection.cursor() as cursor:
            for statement in statements():
                cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            for table in (TEXT_TABLE, TITLE_TABLE):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")  # its triggers go with the entries' table


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0008_listing_image_help'),
        ('search', '0010_wagtail_search_as_shipped'),
    ]

    operations = [
        migrations.CreateModel(
            name='PostText',
            fields=[
                ('rowid', models.BigIntegerField(db_column='rowid', primary_key=True, serialize=False)),
            ],
            options={
                'db_table': 'search_postentry_fts',
                'abstract': False,
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='PostTitle',
            fields=[
                ('rowid', models.BigIntegerField(db_column='rowid', primary_key=True, serialize=False)),
            ],
            options={
                'db_table': 'search_title_fts',
                'abstract': False,
                'managed': False,
            },
        ),
        migrations.CreateModel(
            name='PostEntry',
            fields=[
                ('post', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_entry', serialize=False, to='blog.blogpage')),
                ('title', models.TextField()),
                ('lead', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('names', models.TextField(blank=True)),
                ('refs', models.TextField(blank=True)),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
                ('title_vector', django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
