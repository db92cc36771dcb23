"""Relevance ranking on SQLite that scales (see search/backend.py). Per search, three queries:

- the count: the full-text matches among the searched queryset, without ranking them;
- the page: the same matches ranked with FTS5's ``bm25()``, cut to the slice asked for in SQL,
  so only a page's ids come back to Python, not every match's;
- the objects of that page.

Imported only on SQLite: modelsearch defines its FTS5 model only when the database is SQLite.
"""

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
    def matches(self, config, ranked):
        """SQL and parameters for the matches of the query among the searched queryset: rows of
        (index entry id, object id, and with ``ranked`` the bm25 rank), in no order. None for a
        match-all or negated query, which modelsearch answers without ranking.

        The queryset's filters (live, public, a category…) apply by joining its primary keys to
        the matches' object ids; SQLite flattens that into one loop over the matches, a
        primary-key lookup or two each. A word in all 10,000 posts: ~6 ms, against ~18 ms for a
        correlated EXISTS per match and ~10 ms for ``object_id IN (the queryset)``, which builds
        the whole set of allowed ids even for a rare word. A join would repeat a match when the
        queryset joins a one-to-many relation (a category filter): such a queryset gets the
        EXISTS. Index entries store ids as text; SQLite compares them with integer keys as
        numbers. Index entries are read by primary key for their object id and content type only
        (their first columns, before the body text).
        """
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        columns = {"entry_id": F("index_entry"), "object_id": F("index_entry__object_id")}
        if ranked:
            columns["rank"] = RANK
        if joins_many(self.queryset):
            in_queryset = self.queryset.filter(pk=OuterRef("index_entry__object_id"))
            return compiled(matches.filter(Exists(in_queryset)).values(**columns))
        matches_sql, matches_params = compiled(matches.values(**columns))
        pks_sql, pks_params = compiled(self.queryset.order_by().values(searched_pk=F("pk")))
        return (
            f"SELECT m.* FROM ({matches_sql}) m INNER JOIN ({pks_sql}) q ON q.searched_pk = m.object_id",  # noqa: S608
            (*matches_params, *pks_params),
        )


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _matches(self, ranked):
        compiler = self.query_compiler
        if isinstance(compiler, RankedSQLiteSearchQueryCompiler) and compiler.order_by_relevance:
            return compiler.matches(compiler.get_config(self.backend), ranked)
        return None  # autocomplete, or an order of the caller's: modelsearch's own

    def _fetch(self, sql, params):
        with connections[self.query_compiler.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _do_search(self):
        matches = self._matches(ranked=True)
        if matches is None:
            return super()._do_search()
        sql, params = matches
        # Best first (bm25: lower is better; among equals, the most recently indexed first), cut to
        # the slice in SQL: bm25 is computed for every match, but only a page's ids come back.
        limit = -1 if self.stop is None else self.stop - self.start  # -1: no limit
        ranked = self._fetch(
            f"SELECT object_id, rank FROM ({sql}) ORDER BY rank, entry_id DESC LIMIT %s OFFSET %s",  # noqa: S608
            (*params, limit, self.start),
        )
        objects = {
            str(obj.pk): obj
            for obj in self.query_compiler.queryset.filter(pk__in=[object_id for object_id, _rank in ranked])
        }
        results = []
        for object_id, rank in ranked:
            if obj := objects.get(object_id):
                if self._score_field:
                    setattr(obj, self._score_field, rank)
                results.append(obj)
        return results

    def _do_count(self):
        matches = self._matches(ranked=False)
        if matches is None:
            return super()._do_count()
        sql, params = matches
        # No bm25 here: counting the matches costs a fraction of ranking them.
        return self._fetch(f"SELECT COUNT(*) FROM ({sql})", params)[0][0]  # noqa: S608


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
