"""Wagtail's PostgreSQL search, made to find what readers mean: the same reading of a query as on
SQLite (search/query.py), and the same ranks (search/indexing.py).

Text is indexed with the ``site_english`` configuration (search/migrations/0002: English stems,
accents removed), split at every non-letter as FTS5 splits it, and weighted by column: title A,
lead B, body C, references D. A reader's query becomes a tsquery; results are ranked with
``ts_rank`` over those weights, equal scores in the searched queryset's own order. ts_rank counts
a word at most about 1.6 times its weight however often it occurs, so with these weights one
match in a higher column outweighs any number in the lower ones.

Other queries (the admin's, autocomplete) are modelsearch's own.

Imported only on PostgreSQL: modelsearch's PostgreSQL module needs its index entry model.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk

from .indexing import WEIGHTS, column_of, remember_words, separate_words
from .query import ReaderQuery

SEARCH_CONFIG = "site_english"
# ts_rank's weights for D, C, B, A (references, body, lead, title).
RANK_WEIGHTS = [0.01, 0.1, 0.4, 1.0]


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


class ReaderPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, ReaderQuery):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        tsquery = SearchQuery(self.query.as_tsquery(), search_type="raw", config=config)
        vector = F("index_entries__title")
        if self.fields != ["title"]:
            vector = vector._combine(F("index_entries__body"), "||", False)
        rank = SearchRank(vector, tsquery, weights=RANK_WEIGHTS)
        queryset = self.queryset.annotate(_vector_=vector).filter(_vector_=tsquery)
        if self.order_by_relevance:
            ordering = [field for field in self.queryset.query.order_by if isinstance(field, str)]
            queryset = queryset.order_by(rank.desc(), *ordering[:1], "-pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank})
        return queryset[start:stop]


class ReaderPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ReaderPostgresSearchQueryCompiler
    index_class = ReaderPostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
