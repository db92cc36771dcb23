"""The search backend: Wagtail's database backend, made to find what readers mean.

``WAGTAILSEARCH_BACKENDS`` names this module. On SQLite with FTS5 and on PostgreSQL it gives a
subclass of modelsearch's backend for that database (search/sqlite_backend.py,
search/postgres_backend.py): English stems, accents folded, words split at every non-letter,
four ranked columns, and a reader's query (search/query.py: words, "phrases", the last word as a
prefix) read the same way on both. SQLite also ranks so that it scales.

Other databases, and SQLite without FTS5, get modelsearch's own backend.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def joins_many(queryset):
    """Whether the queryset's SQL joins a one-to-many or many-to-many relation (a category, an
    author…), so that one object can come out of it more than once."""
    return any(
        getattr(join, "join_field", None) is not None
        and (join.join_field.one_to_many or join.join_field.many_to_many)
        for join in queryset.query.alias_map.values()
    )


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    # Imported here: modelsearch's modules for one database import models defined only there.
    if connection.vendor == "postgresql":
        from .postgres_backend import ReaderPostgresSearchBackend

        return ReaderPostgresSearchBackend(params)
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_backend import RankedSQLiteSearchBackend

    # Without FTS5, modelsearch falls back to a plain backend, kept as it is.
    return RankedSQLiteSearchBackend(params) if type(backend) is SQLiteSearchBackend else backend
