"""Relevance ranking on SQLite that scales (see search/backend.py). Per search, three queries:

- the count: the full-text matches among the searched queryset, up to SEARCH_MAX_RESULTS;
- the page: the window of at most SEARCH_MAX_RESULTS matches among the searched objects, the
  most recently added first (the full-text index hands its matches out in that order, so SQLite
  stops at the window's end), ranked with FTS5's ``bm25()`` and cut to the slice asked for, all
  in SQL: only a page's ids come back to Python;
- the objects of that page.

Why a window: ``bm25()`` costs ~2 µs for each match it scores (plus ~2 ms a query for a word in
all 10,000 posts, to weigh the word), so ranking all 10,000 took ~23 ms and grew with the
archive; the window bounds it (500 matches: ~3.3 ms). Below SEARCH_MAX_RESULTS matches, every
match is ranked. PostgreSQL ranks every match (search/views.py lists the best
SEARCH_MAX_RESULTS there).

Both statements read the full-text matches first (``CROSS JOIN`` fixes that order for SQLite's
planner), so they need no table statistics: without them SQLite read every index entry of the
searched type and probed the full-text index with each (a rare word: ~140 ms at 10,000 posts).

Imported only on SQLite: modelsearch defines its FTS5 model only when the database is SQLite.
"""

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Exists, F, FloatField, Func, OuterRef, Value
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

# The index entries the FTS rows belong to (Wagtail's, here): their ids are the FTS rowids.
IndexEntry = SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model

# bm25() weights for the FTS table's columns, in its order: autocomplete, body, title. The title
# column holds the title; everything else a page indexes (lead, body, authors, categories) is in
# body. A word in the title counts ten times one in the body, so title matches come first.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)
RANK = Func(
    *(Value(weight) for weight in COLUMN_WEIGHTS),
    template=f"bm25({SQLiteFTSIndexEntry._meta.db_table}, %(expressions)s)",
    output_field=FloatField(),
)


def joins_many(queryset):
    """Whether the queryset's SQL joins a one-to-many or many-to-many relation (a category, an
    author…), so that one object can come out of it more than once."""
    return any(
        getattr(join, "join_field", None) is not None
        and (join.join_field.one_to_many or join.join_field.many_to_many)
        for join in queryset.query.alias_map.values()
    )


def compiled(queryset):
    """A queryset's SQL and parameters, to put in a larger statement. The SQL is Django's; every
    value (the search words too) is a parameter, so the statements built around it below take no
    text from outside (hence their ``noqa: S608``)."""
    return queryset.query.get_compiler(using=queryset.db).as_sql()


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def fts_matches(self, config):
        """The FTS rows (``pk``: the index entry's id) matching the query, of any model. None for
        a match-all or negated query, which modelsearch answers without ranking."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config))
        return SQLiteFTSIndexEntry.objects.filter(match)

    def searched_entries(self):
        """SQL and parameters of the index entries (``id``, ``object_id``) of the objects in the
        searched queryset: its model and its filters (live, public, a category…).

        The filters apply by joining the queryset's primary keys to the entries' object ids;
        SQLite flattens that into the statement's loop over the matches, a primary-key lookup or
        two each (10,000 matches: ~6 ms, against ~18 ms for a correlated EXISTS per match and
        ~10 ms for ``object_id IN (the queryset)``, which builds the whole set of allowed ids even
        for a rare word). A join would repeat an entry when the queryset joins a
        one-to-many relation (a category filter): such a queryset gets the EXISTS. Index entries
        store ids as text; SQLite compares them with integer keys as numbers. Entries are read by
        primary key, for their first columns only (object id, content type), not their text.
        """
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        ).values("id", "object_id")
        if joins_many(self.queryset):
            return compiled(entries.filter(Exists(self.queryset.filter(pk=OuterRef("object_id")))))
        entries_sql, entries_params = compiled(entries)
        pks_sql, pks_params = compiled(self.queryset.order_by().values(searched_pk=F("pk")))
        return (
            f"SELECT e.* FROM ({entries_sql}) e INNER JOIN ({pks_sql}) q ON q.searched_pk = e.object_id",  # noqa: S608
            (*entries_params, *pks_params),
        )


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _ranked_compiler(self):
        compiler = self.query_compiler
        if isinstance(compiler, RankedSQLiteSearchQueryCompiler) and compiler.order_by_relevance:
            return compiler
        return None  # autocomplete, or an order of the caller's: modelsearch's own

    def _fetch(self, sql, params):
        with connections[self.query_compiler.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _matches(self):
        compiler = self._ranked_compiler()
        return compiler and compiler.fts_matches(compiler.get_config(self.backend))

    def _do_count(self):
        matches = self._matches()
        if matches is None:
            return super()._do_count()
        try:
            searched = self._count(matches)
        except EmptyResultSet:  # the searched queryset can match nothing (``.none()``)
            return 0
        if self.stop is not None:
            searched = min(searched, self.stop)
        return max(searched - self.start, 0)

    def _count(self, matches):
        """How many results: the matches among the searched objects, up to the window."""
        match_sql, match_params = compiled(matches.values("pk"))
        entries_sql, entries_params = self.query_compiler.searched_entries()
        # No bm25 here, and no need to see past the window.
        [(count,)] = self._fetch(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM ({match_sql}) f CROSS JOIN ({entries_sql}) s ON s.id = f.pk LIMIT %s)",  # noqa: S608
            (*match_params, *entries_params, settings.SEARCH_MAX_RESULTS),
        )
        return count

    def _do_search(self):
        matches = self._matches()
        if matches is None:
            return super()._do_search()
        if self.stop is not None and self.stop <= self.start:
            return []  # an empty slice: a paginator's only page when nothing matched
        try:
            return self._page(matches)
        except EmptyResultSet:  # the searched queryset can match nothing (``.none()``)
            return []

    def _page(self, matches):
        ranked_sql, ranked_params = compiled(matches.values(entry_id=F("pk"), rank=RANK))
        entries_sql, entries_params = self.query_compiler.searched_entries()
        limit = -1 if self.stop is None else self.stop - self.start  # -1: no limit
        # The window (the newest matches among the searched objects: the full-text index hands
        # them out newest first, so it stops at the window's end and bm25 scores only those),
        # then its best first (bm25: lower is better; among equals, the newest first), cut to
        # the slice in SQL: only a page's ids come back to Python.
        window = (
            f"SELECT s.object_id, r.entry_id, r.rank FROM ({ranked_sql}) r CROSS JOIN ({entries_sql}) s"  # noqa: S608
            " ON s.id = r.entry_id ORDER BY r.entry_id DESC LIMIT %s"
        )
        page = self._fetch(
            f"SELECT object_id, rank FROM ({window}) ORDER BY rank, entry_id DESC LIMIT %s OFFSET %s",  # noqa: S608
            (*ranked_params, *entries_params, settings.SEARCH_MAX_RESULTS, limit, self.start),
        )
        objects = {
            str(obj.pk): obj
            for obj in self.query_compiler.queryset.filter(pk__in=[object_id for object_id, _rank in page])
        }
        results = []
        for object_id, rank in page:
            if obj := objects.get(object_id):
                if self._score_field:
                    setattr(obj, self._score_field, rank)
                results.append(obj)
        return results


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
