"""The search backend: Wagtail's database backend, with relevance ranking on SQLite that scales.

``WAGTAILSEARCH_BACKENDS`` names this module. On PostgreSQL (and MySQL) it gives Wagtail's own
database backend, unchanged. On SQLite with FTS5 it gives a subclass of modelsearch's SQLite
backend that ranks differently: modelsearch orders results by a score subquery that runs the
full-text match again for every matching row, so a word found in 10,000 posts took seconds. Here
the matches are counted without ranking, the newest SEARCH_MAX_RESULTS of them ranked once with
FTS5's ``bm25()`` and cut to the page in SQL, and the page's objects loaded: three queries
(search/sqlite_backend.py).

Indexing, autocomplete, match-all and negated queries stay modelsearch's.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Imported here: modelsearch's SQLite modules need the FTS5 model, defined on SQLite only.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_backend import RankedSQLiteSearchBackend

    # Without FTS5, modelsearch falls back to a plain backend, kept as it is.
    return RankedSQLiteSearchBackend(params) if type(backend) is SQLiteSearchBackend else backend
