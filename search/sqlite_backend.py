"""Relevance ranking on SQLite that scales (see search/backend.py): one query ranks every match
with FTS5's ``bm25()`` and gives the count too; a second loads the objects of the page asked for.

Imported only on SQLite: modelsearch defines its FTS5 model only when the database is SQLite.
"""

from django.db.models import Exists, FloatField, Func, OuterRef, Value
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
    def ranking(self, config):
        """``(object id, rank)`` of every match among the searched queryset, best first (bm25:
        lower is better; among equals, the most recently indexed first). None for a match-all or
        negated query, which modelsearch answers without ranking.

        One query, run once per search: the results' count and each slice of them share it
        (modelsearch hands the same compiler to every slice).
        """
        if not hasattr(self, "_ranking"):
            self._ranking = self._rank(config)
        return self._ranking

    def _rank(self, config):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        # The queryset's filters (live, public, a category…) checked per match: a primary-key
        # lookup, so a rare word costs next to nothing. Index entries store ids as text; SQLite
        # compares them with the integer key as numbers.
        in_queryset = self.queryset.filter(pk=OuterRef("index_entry__object_id"))
        matches = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)),
            Exists(in_queryset),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        ranked = matches.annotate(rank=RANK).order_by("rank", "-index_entry")
        return list(ranked.values_list("index_entry__object_id", "rank"))


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _ranking(self):
        compiler = self.query_compiler
        if isinstance(compiler, RankedSQLiteSearchQueryCompiler) and compiler.order_by_relevance:
            return compiler.ranking(compiler.get_config(self.backend))
        return None  # autocomplete, or an order of the caller's: modelsearch's own

    def _do_search(self):
        ranking = self._ranking()
        if ranking is None:
            return super()._do_search()
        ranked = ranking[self.start : self.stop]
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
        ranking = self._ranking()
        return super()._do_count() if ranking is None else len(ranking)


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
