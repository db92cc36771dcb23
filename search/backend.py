"""The search backend: Wagtail's database backend, with relevance ranking on SQLite that scales.

``WAGTAILSEARCH_BACKENDS`` names this module. On PostgreSQL (and MySQL) it gives Wagtail's own
database backend, unchanged. On SQLite with FTS5 it gives a subclass of modelsearch's SQLite
backend that ranks differently: modelsearch orders results by a score subquery that runs the
full-text match again for every matching row, so a word found in 10,000 posts took seconds. Here
one query ranks the matches with FTS5's ``bm25()`` and keeps the page asked for, a second loads
those objects, and the count is a single query over the same matches.

Indexing, autocomplete, match-all and negated queries stay modelsearch's.
"""

from django.db.models import CharField, FloatField, Func, Value
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as database_backend
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


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def matches(self, config):
        """The FTS rows that match the query and belong to objects of the searched queryset,
        each with its ``rank`` (bm25: lower is better). None for a match-all or negated query,
        which modelsearch answers without ranking."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        # The queryset's filters (live, public, a category…) as one list of ids that SQLite
        # builds once, rather than a join it would repeat per match. Index entries store ids
        # as text.
        object_ids = self.queryset.annotate(search_object_id=Cast("pk", CharField())).values(
            "search_object_id"
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config))
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=object_ids,
            )
            .annotate(rank=RANK)
        )


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _matches(self):
        compiler = self.query_compiler
        if isinstance(compiler, RankedSQLiteSearchQueryCompiler):
            return compiler.matches(compiler.get_config(self.backend))
        return None  # autocomplete: modelsearch's own

    def _do_search(self):
        matches = self._matches()
        if matches is None or not self.query_compiler.order_by_relevance:
            return super()._do_search()
        # Best first; among equals, the most recently indexed first.
        ranked = list(
            matches.order_by("rank", "-index_entry").values_list("index_entry__object_id", "rank")[
                self.start : self.stop
            ]
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
        matches = self._matches()
        return super()._do_count() if matches is None else matches.count()


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    if type(backend) is SQLiteSearchBackend:
        return RankedSQLiteSearchBackend(params)
    return backend
