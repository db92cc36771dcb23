"""Wagtail's SQLite search, made to find what readers mean and to rank it so it scales.

The full-text table (search/migrations/0002, 0006) holds Snowball's English stems of the text,
which the site computes as PostgreSQL's ``english`` configuration would (search/query.py
``stem``), in one column per rank (search/indexing.py): bm25() weighs a match in the title
above one in the lead, above the body, above the references. A second table indexes the titles
alone (search/migrations/0005). A reader's query (search/query.py) becomes FTS5 MATCH
expressions of stems. Per search, two queries:

- the window ranked: (object id, rank) pairs, best first, which give both the count and the
  page asked for (as on PostgreSQL);
- the objects of that page.

The window: the SEARCH_MAX_RESULTS most recently added matches among the searched objects (the
full-text index hands its matches out newest first, so SQLite stops at the window's end), plus
up to as many whose title holds every word of the query, whatever their age. Those come first,
ranked by the title index's ``bm25()``; the others follow, ranked by ``bm25()`` over every
column. ``bm25()`` costs ~2 µs for each match it scores, so ranking all 10,000 posts for a
common word took ~23 ms and grew with the archive; the window bounds it, and a post named after
the query is never left out. Below SEARCH_MAX_RESULTS matches, every match is ranked. Equal
scores: the searched queryset's own order decides (the view orders posts newest first), then
the newest entry.

What still grows with the archive: ``bm25()`` counts, once per statement, every entry each word
of its expression matches (its inverse document frequency), however few entries it scores: ~0.3
ms for a word in all 10,000 posts. It ranks a quoted phrase by its words: counting a phrase's
entries meant checking word positions in every post holding its words (~3.6 ms for a phrase of
two common words). And the window's joins with the searched objects, ~3 µs for each of its
(at most) 1,000 entries.

Every statement reads the full-text matches first (``CROSS JOIN`` fixes that order for SQLite's
planner), so it needs no table statistics: without them SQLite read every index entry of the
searched type and probed the full-text index with each (a rare word: ~140 ms at 10,000 posts).

Other queries (the admin's, autocomplete) are modelsearch's own, over the same table, with their
words stemmed as the index's (autocomplete reads the titles as written).

Imported only on SQLite: modelsearch defines its FTS5 model only when the database is SQLite.
"""

from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from .backend import in_rank_order, joins_many, tiebreak, window_count, window_size
from .indexing import SECTION_SEPARATOR, SECTIONS, prepared_once, remember_words, sections_of
from .query import ReaderQuery, stemmed

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# The FTS table's columns, in its order, and their bm25() weights, 10^5 apart: one match in a
# higher column outweighs any number in the lower ones, as on PostgreSQL. bm25() weighs each
# match by its column before its term-frequency curve flattens and its length normalisation
# shortens a long post's score; with weights 10, 4, 1 and 0.5, three matches in a short post's
# body outranked one in a long post's title. Spread this far apart, a word's score still grows
# with its matches and a shorter post, in steps too small to cross into another column's rank.
COLUMN_WEIGHTS = {"autocomplete": 0.0, "body": 1e5, "title": 1e15, "lead": 1e10, "refs": 1.0}
SEARCHED_COLUMNS = ("title", "lead", "body", "refs")
# The titles alone (search/migrations/0005): what suggestions and the window's title part search.
TITLE_TABLE = "search_title_fts"
RANK = {
    FTS_TABLE: f"bm25({FTS_TABLE}, {', '.join(map(str, COLUMN_WEIGHTS.values()))})",
    TITLE_TABLE: f"bm25({TITLE_TABLE})",
}


def compiled(queryset):
    """A queryset's SQL and parameters, to put in a larger statement. The SQL is Django's; every
    value (the search words too) is a parameter, so the statements built around it below take no
    text from outside (hence their ``noqa: S608``)."""
    return queryset.query.get_compiler(using=queryset.db).as_sql()


class Expressions(NamedTuple):
    """A search's FTS5 MATCH expressions, and the full-text table they are for."""

    table: str  # FTS_TABLE, or TITLE_TABLE for a reader's search of titles only
    match: str  # every match
    title: str | None  # in TITLE_TABLE: the matches whose title holds the whole query, or None
    # What bm25() ranks the matches by: a reader's query with its phrases read as words (see
    # the module's docstring).
    rank: str


class ReaderObjectIndexer(ObjectIndexer):
    """The text of an object as the index holds it: the words' stems (search/query.py
    ``stemmed``), the non-title text in the FTS table's three columns."""

    def prepare_field(self, obj, field):
        return prepared_once(self, obj, field, super().prepare_field)

    @cached_property
    def sections(self) -> dict[str, str]:
        return {section: " ".join(values) for section, values in sections_of(self).items()}

    @cached_property
    def stemmed_title(self):
        return stemmed(self.title)

    @cached_property
    def stemmed_body(self):
        """The three columns joined by SECTION_SEPARATOR (the table's triggers split it)."""
        return SECTION_SEPARATOR.join(stemmed(self.sections[section]) for section in SECTIONS)


class ReaderSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        """modelsearch's, with the text laid out in columns, and its words kept for corrections."""
        if not model.get_search_fields():
            return
        indexers = [ReaderObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        data = {
            indexer.id: (indexer.stemmed_title, indexer.autocomplete, indexer.stemmed_body)
            for indexer in indexers
        }
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()
        remember_words((indexer.title, list(indexer.sections.values())) for indexer in indexers)


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    FTS_TABLE_FIELDS = list(SEARCHED_COLUMNS)

    def match_expressions(self, config):
        """The FTS5 expressions of the query (``Expressions``). None for a match-all or negated
        query, which modelsearch answers without ranking."""
        columns = tuple(self.fields or SEARCHED_COLUMNS)
        if isinstance(self.query, ReaderQuery):
            rank = self.query.phrases_as_words()
            if columns == ("title",):  # titles only (suggestions): the title index alone
                return Expressions(TITLE_TABLE, self.query.as_fts5(), None, rank.as_fts5())
            title = self.query.as_fts5() if "title" in columns else None
            # Every column is searched: no column filter, which made FTS5 read each match's word
            # positions (bm25()'s pass over a common word at 10,000 posts: 1.3 ms instead of 0.3).
            # The one column left, autocomplete, holds the title as typed: a reader's query finds
            # nothing there that the title (as the index reads it) does not hold.
            filtered = () if set(columns) == set(SEARCHED_COLUMNS) else columns
            return Expressions(FTS_TABLE, self.query.as_fts5(filtered), title, rank.as_fts5(filtered))
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(list(columns), self.build_search_query(query, config))
        _sql, params = compiled(SQLiteFTSIndexEntry.objects.filter(match).values("pk"))
        # modelsearch's expression, taken out of its statement ("<table> MATCH %s").
        return Expressions(FTS_TABLE, params[0], None, params[0])

    def build_search_query_content(self, query, config=None):
        """modelsearch's, with the words as the index holds them: the admin's searches ("Tromsø",
        "Europe's universities") read as the index's stems ("tromso europ univers")."""
        # A query without a word ("!!!") is left as typed: it finds nothing either way.
        if isinstance(query, PlainText) and (text := stemmed(query.query_string)):
            query = PlainText(text, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase) and (text := stemmed(query.query_string)):
            query = Phrase(text)
        return super().build_search_query_content(query, config)

    def searched_entries(self):
        """SQL and parameters of the index entries (``id``, ``object_id``, ``tiebreak``) of the
        objects in the searched queryset: its model and its filters (live, public, a category…).

        The filters apply by joining the queryset's primary keys to the entries' object ids;
        SQLite flattens that into the statement's loop over the matches, a primary-key lookup or
        two each. ``tiebreak`` is the value of the queryset's first ordering field (its primary key
        without one), which orders equal scores. A queryset that joins a one-to-many relation (a
        category filter) is made distinct first, so no entry comes out twice. Index entries store
        ids as text; SQLite compares them with integer keys as numbers.
        """
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
        ).values("id", "object_id")
        field, _descending = tiebreak(self.queryset)
        searched = self.queryset.order_by().values(searched_pk=F("pk"), tiebreak=F(field))
        if joins_many(self.queryset):
            searched = searched.distinct()
        entries_sql, entries_params = compiled(entries)
        searched_sql, searched_params = compiled(searched)
        return (
            f"SELECT e.*, q.tiebreak FROM ({entries_sql}) e INNER JOIN ({searched_sql}) q ON q.searched_pk = e.object_id",  # noqa: S608
            (*entries_params, *searched_params),
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

    def _expressions(self):
        compiler = self._ranked_compiler()
        return compiler and compiler.match_expressions(compiler.get_config(self.backend))

    def _part(self, table, match):
        """SQL and parameters of a part of the window: the ids of the newest index entries of the
        searched objects that ``match`` in ``table`` (SEARCH_MAX_RESULTS, or the query's own
        window)."""
        entries_sql, entries_params = self.query_compiler.searched_entries()
        return (
            f"SELECT id FROM (SELECT s.id FROM (SELECT rowid AS id FROM {table} WHERE {table} MATCH %s"  # noqa: S608
            f") f CROSS JOIN ({entries_sql}) s ON s.id = f.id ORDER BY f.id DESC LIMIT %s)",
            [match, *entries_params, window_size(self.query_compiler.query)],
        )

    def _do_count(self):
        expressions = self._expressions()
        if expressions is None:
            return super()._do_count()
        return window_count(len(self._ranked(expressions)), self.start, self.stop)

    def _do_search(self):
        expressions = self._expressions()
        if expressions is None:
            return super()._do_search()
        page = self._ranked(expressions)[self.start : self.stop]
        return in_rank_order(self.query_compiler.queryset, page, self._score_field)

    def _ranked(self, expressions) -> list[tuple[str, float]]:
        """The window's objects, best first, as (object id, rank): read once, in one statement,
        for both the count and the page of a search (a slice of these results shares its
        compiler)."""
        compiler = self.query_compiler
        if not hasattr(compiler, "_ranked"):
            try:
                compiler._ranked = self._fetch(*self._ranking(expressions))
            except EmptyResultSet:  # the searched queryset can match nothing (``.none()``)
                compiler._ranked = []
        return compiler._ranked

    def _ranking(self, expressions):
        """SQL and parameters of the window ranked, best first (see the module's docstring).

        ``newest``: the newest matches; ``titled``: the newest whose title holds the whole query,
        which come first, ranked by the title index's bm25(); then the other matches, ranked by
        bm25() over every column (lower is better), read only as far back as the newest part
        goes. Equal ranks: the searched queryset's order, then the newest entry. The unary +
        keeps the window's ids from FTS5, which would otherwise run the whole MATCH again for
        each of them (a word in 10,000 posts: ~5 ms each, 5 s for the window); the lower bounds
        on rowid let it skip the matches older than a part's oldest entry."""
        compiler = self.query_compiler
        entries_sql, entries_params = compiler.searched_entries()
        direction = "DESC" if tiebreak(compiler.queryset)[1] else "ASC"
        newest_sql, params = self._part(expressions.table, expressions.match)
        parts = [f"newest(id) AS MATERIALIZED ({newest_sql})"]
        ranked, rank_params = ranked_part(expressions.table, "newest", tier=1), [expressions.rank]
        if expressions.title is not None:
            titled_sql, titled_params = self._part(TITLE_TABLE, expressions.title)
            parts.append(f"titled(id) AS MATERIALIZED ({titled_sql})")
            params += titled_params
            titled = ranked_part(TITLE_TABLE, "titled", tier=0)
            ranked = f"{titled} UNION ALL {ranked} AND +rowid NOT IN titled"
            rank_params.append(expressions.rank)
        return (
            f"WITH {', '.join(parts)}, ranked(id, tier, rank) AS ({ranked})"  # noqa: S608
            f" SELECT s.object_id, r.rank FROM ranked r CROSS JOIN ({entries_sql}) s ON s.id = r.id"
            f" ORDER BY r.tier, r.rank, s.tiebreak {direction}, r.id DESC",
            (*params, *rank_params, *entries_params),
        )


def ranked_part(table: str, part: str, tier: int) -> str:
    """SQL of the entries of a part of the window (a CTE of ids) with their tier and bm25() in
    ``table``, for the ranking's MATCH expression (its one parameter)."""
    return (
        f"SELECT rowid, {tier}, {RANK[table]} FROM {table} WHERE {table} MATCH %s"  # noqa: S608
        f" AND rowid >= (SELECT MIN(id) FROM {part}) AND +rowid IN {part}"
    )


class MergedIndexRebuilderMixin:
    """``update_index`` ends by merging the full-text index into one segment (FTS5's
    'optimize'). Each write adds a segment, which FTS5 merges four at a time: 10,000 posts
    indexed leave ~13, and a search reads the words' entries in each. Merged, a phrase of two
    common words at 10,000 posts is ~40 % cheaper to match and to count for ``bm25()``."""

    def finish(self):
        super().finish()
        with self.index.write_connection.cursor() as cursor:
            for table in (FTS_TABLE, TITLE_TABLE):
                cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608


class ReaderSQLiteSearchRebuilder(MergedIndexRebuilderMixin, SQLiteSearchRebuilder):
    pass


class ReaderSQLiteSearchAtomicRebuilder(MergedIndexRebuilderMixin, SQLiteSearchAtomicRebuilder):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    results_class = RankedSQLiteSearchResults
    index_class = ReaderSQLiteIndex
    rebuilder_class = ReaderSQLiteSearchRebuilder
    atomic_rebuilder_class = ReaderSQLiteSearchAtomicRebuilder
