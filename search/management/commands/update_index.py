from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.indexing import rebuild


class Command(WagtailUpdateIndex):
    """Wagtail's ``update_index`` (the search app comes before wagtail.search in INSTALLED_APPS,
    so this one takes its place), then the reader search's own index. Wagtail's options stay:
    ``--backend``, ``--chunk_size``, and ``--schema-only``, which leaves the reader index alone."""

    help = (
        "Rebuild Wagtail's search index (the admin's page search, the choosers), then the reader "
        "search's own index of the live posts (search.PostEntry) and its vocabulary."
    )

    def handle(self, **options):
        super().handle(**options)
        if options["schema_only"]:
            return
        count = rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Reader search: {count} live posts indexed.")
