from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild Wagtail's search index (the admin's page search, the choosers), then the reader "
        "search's own index of the live posts (search.PostEntry) and its vocabulary."
    )

    def handle(self, *args, verbosity=1, **options):
        # Wagtail's own command, under the name it also answers to (this one takes its place).
        call_command("wagtail_update_index", verbosity=verbosity)
        count = rebuild()
        if verbosity:
            self.stdout.write(f"Reader search: {count} live posts indexed.")
