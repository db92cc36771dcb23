"""Wagtail's PostgreSQL search, made to find what readers mean: the same reading of a query as on
SQLite (search/query.py), and the same ranks (search/indexing.py).

Text is indexed with the ``site_english`` configuration (search/migrations/0002: English stems,
accents removed), split at every non-letter as FTS5 splits it, and weighted by column: title A,
lead B, body C, references D. An entry's title and body together are its ``text`` column
(search/migrations/0003), which searches match and rank. A reader's query becomes a tsquery;
results are ranked with ``ts_rank`` over those weights, equal scores in the searched queryset's
own order, then newest entry first. As on SQLite, only a window of matches is ranked: the newest
SEARCH_MAX_RESULTS and those whose title holds the whole query. ts_rank counts a word at most
about 1.6 times its weight however often it occurs, so with these weights one match in a higher
column outweighs any number in the lower ones.

Per search, two queries: the window ranked (object ids and ranks, which also give the count),
and the objects of the page asked for.

Other queries (the admin's, autocomplete) are modelsearch's own.

Imported only on PostgreSQL: modelsearch's PostgreSQL module needs its index entry model.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.expressions import RawSQL
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

from .backend import in_rank_order, tiebreak, window_count, window_size
from .indexing import WEIGHTS, column_of, prepared_once, remember_words
from .query import ReaderQuery

SEARCH_CONFIG = "site_english"
# ts_rank's weights for D, C, B, A (references, body, lead, title).
RANK_WEIGHTS = [0.01, 0.1, 0.4, 1.0]
# An entry's title and body together: the column search/migrations/0003 adds and indexes (GIN),
# unknown to modelsearch's model. Only index entries are in the FROM of the queries it is used in.
TEXT = RawSQL('"text"', [], output_field=SearchVectorField())


class ReaderObjectIndexer(ObjectIndexer):
    def prepare_field(self, obj, field):
        return prepared_once(self, obj, field, self.weighted_field)

    def weighted_field(self, obj, field):
        """modelsearch's, with the weight of the field's column."""
        for current_field, weight, value in super().prepare_field(obj, field):
            if isinstance(current_field, SearchField):
                weight = WEIGHTS[column_of(current_field)]
            yield current_field, weight, value


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
        remember_words((indexer.title_text, [indexer.body_text]) for indexer in indexers)


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

    def ranked(self, config) -> list[tuple[str, float]]:
        """The window's objects, best first, as (object id, rank): read once, in one statement,
        for both the count and the page of a search."""
        if not hasattr(self, "_ranked"):
            self._ranked = [(entry["object_id"], entry["_rank_"]) for entry in self.window(config)]
        return self._ranked

    def window(self, config):
        """The index entries to rank: the SEARCH_MAX_RESULTS most recently added matches among
        the searched objects, and up to as many whose title holds the whole query, whatever their
        age (as on SQLite: search/sqlite_backend.py). Unless the caller orders the objects, those
        whose title holds the query come first, each part best first (by rank), then the
        searched queryset's own order, then newest first. The parts find
        the entries' ids (the titles' from an index of ids and titles alone: search/migrations/
        0007), and each entry of the window is ranked once: ranking every match of a common word
        in 10,000 posts took ~400 ms."""
        model = self.queryset.model
        field, descending = tiebreak(self.queryset)
        tsquery = self.tsquery(config)
        text = F("title") if self.fields == ["title"] else TEXT
        entries = IndexEntry.objects.filter(
            Exists(self.queryset.order_by().filter(pk=object_id(model))),
            content_type_id__in=get_descendants_content_types_pks(model),
        )
        part = {
            "_rank_": SearchRank(text, tsquery, weights=RANK_WEIGHTS),
            "_tiebreak_": Subquery(
                model._default_manager.order_by().filter(pk=object_id(model)).values(field)[:1]
            ),
        }
        limit = window_size(self.query)
        titled = entries.filter(title=tsquery).order_by("-id").values("id")[:limit]
        order = ["-_tiebreak_" if descending else "_tiebreak_", "-id"]
        if self.order_by_relevance:
            order.insert(0, "-_rank_")
        if self.fields == ["title"]:  # a search of titles only has no other matches to add
            ids = titled
        else:
            # Title and body together (GIN-indexed): words spread over title and body match.
            newest = entries.annotate(_text_=text).filter(_text_=tsquery).order_by("-id").values("id")
            ids = newest[:limit].union(titled)
            if self.order_by_relevance:  # the posts whose title holds the whole query first
                part["_titled_"] = ExpressionWrapper(Q(id__in=titled), output_field=BooleanField())
                order.insert(0, "-_titled_")
        return IndexEntry.objects.filter(id__in=ids).values("id", "object_id", **part).order_by(*order)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not isinstance(self.query, ReaderQuery):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        return in_rank_order(self.queryset, self.ranked(config)[start:stop], score_field)


class ReaderPostgresSearchResults(PostgresSearchResults):
    def _do_count(self):
        """The window's size, from the same statement as the page."""
        compiler = self.query_compiler
        if not isinstance(compiler.query, ReaderQuery):
            return super()._do_count()
        return window_count(len(compiler.ranked(compiler.get_config(self.backend))), self.start, self.stop)


class ReaderPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ReaderPostgresSearchQueryCompiler
    results_class = ReaderPostgresSearchResults
    index_class = ReaderPostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
