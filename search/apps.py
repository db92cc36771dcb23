from django.apps import AppConfig
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_migrate

# Migrations after which the indexes must be written again (they change how text is read, or
# which tables hold it), and on which databases.
REINDEX_AFTER = {
    ("search", "0002_reader_search"): {"sqlite", "postgresql"},
    ("search", "0004_index_text_read_as_queries"): {"sqlite", "postgresql"},
    ("search", "0006_snowball_stems"): {"sqlite"},  # PostgreSQL's index holds Snowball's stems already
    ("search", "0008_word_in_titles"): {"sqlite", "postgresql"},  # the vocabulary counted again
    ("search", "0009_rich_text_read_in_pieces"): {"sqlite", "postgresql"},
    ("search", "0010_wagtail_search_as_shipped"): {"sqlite", "postgresql"},  # Wagtail's, as stock
    ("search", "0011_reader_index"): {"sqlite", "postgresql"},  # the reader search's own tables
}


def rebuild_index_if_needed(sender, plan=None, verbosity=1, stdout=None, **kwargs):
    """After a migration that changes how the indexes read text, rebuild them: existing sites
    get the new search from ``migrate`` alone."""
    if any(
        connection.vendor in REINDEX_AFTER.get((migration.app_label, migration.name), ()) and not backwards
        for migration, backwards in plan or []
    ):
        call_command("update_index", verbosity=0)
        vacuum_rewritten_tables()
        if verbosity and stdout:
            stdout.write("  Rebuilt the search indexes for the new search.")


def vacuum_rewritten_tables():
    """PostgreSQL: VACUUM (ANALYZE) the reader index and the vocabulary, every row of which the
    rebuild wrote again. Until autovacuum comes by, the dead rows and the GIN indexes' long
    pending lists slow searches down (docs/search.md). VACUUM cannot run in a transaction; in one
    (a test's), autovacuum is left to do it."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    from .models import PostEntry, Word

    with connection.cursor() as cursor:
        for model in (PostEntry, Word):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from . import signals

        signals.connect()
        post_migrate.connect(rebuild_index_if_needed, sender=self)
