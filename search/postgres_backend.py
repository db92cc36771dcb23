"""Wagtail's PostgreSQL search, made to find what readers mean: the same reading of a query as on
SQLite (search/query.py), and the same ranks (search/indexing.py).

Text is indexed with the ``site_english`` configuration (search/migrations/0002: English stems,
accents removed), split at every non-letter as FTS5 splits it, and weighted by column: title A,
lead B, body C, references D. A reader's query becomes a tsquery; results are ranked with
``ts_rank`` over those weights, equal scores in the searched queryset's own order. As on SQLite,
only a window of matches is ranked: the newest SEARCH_MAX_RESULTS and those whose title holds
the whole query. ts_rank counts
a word at most about 1.6 times its weight however often it occurs, so with these weights one
match in a higher column outweighs any number in the lower ones.

Other queries (the admin's, autocomplete) are modelsearch's own.

Imported only on PostgreSQL: modelsearch's PostgreSQL module needs its index entry model.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BigIntegerField, Exists, F, IntegerField, OuterRef
from django.db.models.functions import Cast
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .backend import joins_many, tiebreak, window_count
from .indexing import WEIGHTS, column_of, remember_words, separate_words
from .query import ReaderQuery

SEARCH_CONFIG = "site_english"
# ts_rank's weights for D, C, B, A (references, body, lead, title).
RANK_WEIGHTS = [0.01, 0.1, 0.4, 1.0]
# An entry's whole text: the expression search/migrations/0002 indexes (GIN).
TEXT = F("title")._combine(F("body"), "||", False)


class ReaderObjectIndexer(ObjectIndexer):
    def prepare_field(self, obj, field):
        for current_field, weight, value in super().prepare_field(obj, field):
            if isinstance(current_field, SearchField):
                weight = WEIGHTS[column_of(current_field)]
            yield current_field, weight, separate_words(value)


class ReaderPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """modelsearch's, with the text split and weighted by column, and its words kept for
        corrections: one upsert of the index entries."""
        if not model.get_search_fields():
            return
        indexers = [ReaderObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title, autocomplete, body,"  # noqa: S608
                f" title_norm, title_text, body_text) (VALUES {', '.join(rows)})"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,"
                " autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()
        remember_words(text for indexer in indexers for text in (indexer.title_text, indexer.body_text))


def object_id(model):
    """An index entry's object id (text) as the model's primary key, so that EXISTS probes the
    key's index: PostgreSQL then reads the newest entries first and stops at the window's end
    (a word in all 10,000 posts: ~12 ms, against ~150 ms matching every entry's text)."""
    pk = model._meta.pk
    while pk.is_relation:  # a page type's key is its link to Page
        pk = pk.target_field
    if isinstance(pk, IntegerField):
        return Cast(OuterRef("object_id"), BigIntegerField())
    return Cast(OuterRef("object_id"), type(pk)())


class ReaderPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def tsquery(self, config):
        return SearchQuery(self.query.as_tsquery(), search_type="raw", config=config)

    def window_ids(self, config) -> list[int]:
        """The window's entry ids, read once for the count and the page of one search."""
        if not hasattr(self, "_window_ids"):
            self._window_ids = list(self.window(config).values_list("id", flat=True))
        return self._window_ids

    def window(self, config):
        """The ids of the index entries to rank: the SEARCH_MAX_RESULTS most recently added
        matches among the searched objects, and up to as many whose title holds the whole query,
        whatever their age (as on SQLite: search/sqlite_backend.py). Ranking reads each match's
        text: all 10,000 posts for a common word took ~400 ms."""
        entries = IndexEntry.objects.filter(
            Exists(self.queryset.order_by().filter(pk=object_id(self.queryset.model))),
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
        )
        tsquery = self.tsquery(config)
        limit = settings.SEARCH_MAX_RESULTS
        if self.fields == ["title"]:
            return entries.filter(title=tsquery).order_by("-id").values("id")[:limit]
        # Title and body joined, as the GIN index has them (search/migrations/0002): the planner
        # uses it for a rare word, and words spread over title and body match.
        matches = entries.annotate(_text_=TEXT).filter(_text_=tsquery)
        newest = matches.order_by("-id").values("id")[:limit]
        titled = entries.filter(title=tsquery).order_by("-id").values("id")[:limit]
        return newest.union(titled)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, ReaderQuery):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        tsquery = self.tsquery(config)
        rank = SearchRank(F("index_entries__title"), tsquery, weights=RANK_WEIGHTS)
        if self.fields != ["title"]:
            # The columns ranked apart and added: ranking them joined costs twice as much.
            rank = rank + SearchRank(F("index_entries__body"), tsquery, weights=RANK_WEIGHTS)
        queryset = self.queryset
        if joins_many(queryset):  # a post in two of the categories filtered on comes out once
            queryset = queryset.model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
            queryset.query.order_by = self.queryset.query.order_by
        queryset = queryset.filter(index_entries__id__in=self.window_ids(config))
        if self.order_by_relevance:
            field, descending = tiebreak(self.queryset)
            queryset = queryset.order_by(
                rank.desc(), F(field).desc() if descending else F(field).asc(), "-pk"
            )
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank})
        return queryset[start:stop]


class ReaderPostgresSearchResults(PostgresSearchResults):
    def _do_count(self):
        """The window's size: no ranking needed to count."""
        compiler = self.query_compiler
        if not isinstance(compiler.query, ReaderQuery):
            return super()._do_count()
        return window_count(
            len(compiler.window_ids(compiler.get_config(self.backend))), self.start, self.stop
        )


class ReaderPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ReaderPostgresSearchQueryCompiler
    results_class = ReaderPostgresSearchResults
    index_class = ReaderPostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
