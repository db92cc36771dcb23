from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate

# Migrations after which every index entry must be written again (they change how text is read).
REINDEX_AFTER = {("search", "0002_reader_search"), ("search", "0004_index_text_read_as_queries")}


def rebuild_index_if_needed(sender, plan=None, verbosity=1, stdout=None, **kwargs):
    """After a migration that changes how the index reads text, rebuild it: existing sites get
    the new search from ``migrate`` alone."""
    if any(
        (migration.app_label, migration.name) in REINDEX_AFTER and not backwards
        for migration, backwards in plan or []
    ):
        from .models import Word

        Word.objects.all().delete()  # counted again as the index is rebuilt
        call_command("update_index", verbosity=0)
        if verbosity and stdout:
            stdout.write("  Rebuilt the search index for the new search.")


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        post_migrate.connect(rebuild_index_if_needed, sender=self)
