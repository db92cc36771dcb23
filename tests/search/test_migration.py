"""Existing sites get the new search from ``migrate``: the indexes are rebuilt after a migration
that changes how text is read, PostgreSQL without ``unaccent`` stops it with a message, and
Wagtail's own search tables end as Wagtail makes them."""

import importlib

import pytest
from django.db import connection
from django.db.migrations import Migration
from django.test.utils import CaptureQueriesContext

from search.apps import rebuild_index_if_needed
from search.models import PostEntry, Word
from search.query import stem, words_of

from .test_search_results import make_post

reader_search = importlib.import_module("search.migrations.0002_reader_search")


@pytest.mark.parametrize(
    ("migration", "databases"),
    [
        ("0002_reader_search", {"sqlite", "postgresql"}),
        ("0004_index_text_read_as_queries", {"sqlite", "postgresql"}),
        ("0006_snowball_stems", {"sqlite"}),  # PostgreSQL's index holds Snowball's stems already
        ("0008_word_in_titles", {"sqlite", "postgresql"}),
        ("0009_rich_text_read_in_pieces", {"sqlite", "postgresql"}),
        ("0010_wagtail_search_as_shipped", {"sqlite", "postgresql"}),
        ("0011_reader_index", {"sqlite", "postgresql"}),
    ],
)
def test_migrate_rebuilds_the_index_after_a_migration_that_changes_how_text_is_read(
    blog_index, migration, databases
):
    make_post(blog_index, title="Narwhal migrations")
    Word.objects.all().delete()  # as on a site indexed before the vocabulary existed
    rebuild_index_if_needed(sender=None, plan=[(Migration("0001_initial", "search"), False)], verbosity=0)
    assert not Word.objects.filter(word="narwhal").exists()  # another migration: nothing to do
    rebuild_index_if_needed(sender=None, plan=[(Migration(migration, "search"), False)], verbosity=0)
    assert Word.objects.filter(word="narwhal").exists() == (connection.vendor in databases)


def test_flush_and_unrelated_signals_rebuild_nothing(blog_index):
    make_post(blog_index, title="Narwhal migrations")
    Word.objects.all().delete()
    rebuild_index_if_needed(sender=None, plan=None, verbosity=0)  # flush sends no plan
    assert not Word.objects.exists()


class NoUnaccent:
    """A cursor of a PostgreSQL server without the contrib modules."""

    def execute(self, sql, params=None):
        self.sql = sql

    def fetchone(self):
        return None


def test_postgresql_without_unaccent_stops_with_what_to_install():
    with pytest.raises(RuntimeError, match="postgresql-contrib"):
        reader_search.postgres_forwards(NoUnaccent())


ENGLISH = "Cafés flooding news universities community herring hydrologists organisations generous"


def test_both_databases_index_the_same_english_stems(blog_index):
    """Snowball's English stems on both: PostgreSQL's ``english`` configuration, and on SQLite
    the stems the site computes (search/query.py ``stem``) in tables whose tokenizer only splits
    words (search/migrations/0006; FTS5's Porter stemmer made "news" "new")."""
    expected = [stem(word) for word in words_of(ENGLISH)]
    assert expected == [
        *["cafe", "flood", "news", "univers", "communiti", "herring", "hydrologist", "organis", "generous"]
    ]
    post = make_post(blog_index, title=ENGLISH)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in ("search_postentry_fts", "search_title_fts"):
                cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
                assert "tokenize = 'unicode61 remove_diacritics 2'" in cursor.fetchone()[0]
            assert PostEntry.objects.get(post=post).title.split() == expected
        else:
            cursor.execute("SELECT tsvector_to_array(to_tsvector('site_english', %s))", [ENGLISH])
            assert sorted(cursor.fetchone()[0]) == sorted(expected)


@pytest.mark.django_db(transaction=True)
def test_postgresql_vacuums_what_the_rebuild_wrote_again():
    """Outside a transaction, as ``migrate`` runs it: the tables every row of which the rebuild
    wrote again are vacuumed and analysed on PostgreSQL; SQLite has nothing to do."""
    with CaptureQueriesContext(connection) as queries:
        rebuild_index_if_needed(
            sender=None, plan=[(Migration("0004_index_text_read_as_queries", "search"), False)], verbosity=0
        )
    vacuumed = [query["sql"] for query in queries if query["sql"].startswith("VACUUM")]
    if connection.vendor == "postgresql":
        assert vacuumed == ['VACUUM (ANALYZE) "search_postentry"', 'VACUUM (ANALYZE) "search_word"']
    else:
        assert vacuumed == []
