"""The search backend: Wagtail's database backend, made to find what readers mean.

``WAGTAILSEARCH_BACKENDS`` names this module. On SQLite with FTS5 and on PostgreSQL it gives a
subclass of modelsearch's backend for that database (search/sqlite_backend.py,
search/postgres_backend.py): English stems, accents folded, words split at every non-letter,
four ranked columns, and a reader's query (search/query.py: words, "phrases", the last word as a
prefix) read the same way on both. Both rank a window of matches, so that a search costs the
same at any size; the helpers below are what the two share.

Other databases, and SQLite without FTS5, get modelsearch's own backend.
"""

from django.conf import settings
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


def tiebreak(queryset) -> tuple[str, bool]:
    """What orders equal scores: the searched queryset's first ordering field (its primary key
    without one), and whether it is descending."""
    order = [field for field in queryset.query.order_by if isinstance(field, str)]
    if not order:
        return "pk", True
    return order[0].lstrip("-"), order[0].startswith("-")


def window_size(query) -> int:
    """How many of the newest matches a search ranks: a reader's query may ask for fewer than
    SEARCH_MAX_RESULTS (search/query.py ``ReaderQuery.window``)."""
    return getattr(query, "window", None) or settings.SEARCH_MAX_RESULTS


def window_count(window_size: int, start: int, stop: int | None) -> int:
    """A results slice's count, from the number of entries in the window."""
    count = min(window_size, settings.SEARCH_MAX_RESULTS)
    if stop is not None:
        count = min(count, stop)
    return max(count - start, 0)


def in_rank_order(queryset, page, score_field=None) -> list:
    """The objects of a ranked page of (object id, rank) pairs, best first: read in one query
    from the searched queryset and put back in that order; with ``score_field``, each carries its
    rank. Index entries store object ids as text."""
    objects = {str(obj.pk): obj for obj in queryset.filter(pk__in=[object_id for object_id, _rank in page])}
    results = []
    for object_id, rank in page:
        if obj := objects.get(str(object_id)):
            if score_field:
                setattr(obj, score_field, rank)
            results.append(obj)
    return results


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
