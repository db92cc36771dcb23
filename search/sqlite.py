"""The reader search on SQLite: a window of matches, ranked with FTS5's bm25().

search/migrations/0010 makes two full-text tables over the entries (search.PostEntry), which
hold Snowball's English stems (search/indexing.py): ``search_postentry_fts`` with a column per
rank, and ``search_title_fts`` with the titles alone. A reader's query (search/query.py) becomes
FTS5 MATCH expressions of stems.

The window: the newest SEARCH_MAX_RESULTS matches among the searched posts (FTS5 hands its
matches out newest first, so SQLite stops at the window's end), plus up to as many whose title
holds every word of the query, whatever their age. Those come first, ranked by the title
table's ``bm25()``; the others follow, ranked by ``bm25()`` over every column, weighted so that
one match in a higher column outweighs any number in the lower ones. ``bm25()`` scores each
match it reads, so ranking every match of a common word grew with the archive; the window
bounds it, and a post named after the query is never left out.

Each part, with its ranks, is one statement (Django puts no LIMIT in a part of a compound
statement on SQLite). A quoted phrase is ranked by its words, in one more per part: ``bm25()``
counts every entry its expression matches, and counting a phrase's entries means checking word
positions in every post holding its words.
"""

from django.db import connection
from django.db.models import BooleanField, Exists, FloatField, IntegerField, OuterRef, Subquery, Value
from django.db.models.expressions import RawSQL

from blog.models import BlogPage

from .models import PostText, PostTitle
from .query import ReaderQuery

# bm25()'s weights of the text table's columns (title, lead, body, references), 10^5 apart: one
# match in a higher column outweighs any number in the lower ones, as on PostgreSQL. bm25() weighs
# each match by its column before its term-frequency curve flattens and its length normalisation
# shortens a long post's score; with weights 10, 4, 1 and 0.5, three matches in a short post's
# body outranked one in a long post's title. Spread this far apart, a word's score still grows
# with its matches and a shorter post, in steps too small to cross into another column's rank.
COLUMN_WEIGHTS = (1e15, 1e10, 1e5, 1.0)
TEXT_TABLE = PostText._meta.db_table
TITLE_TABLE = PostTitle._meta.db_table
RANK = {
    TEXT_TABLE: f"bm25({TEXT_TABLE}, {', '.join(map(str, COLUMN_WEIGHTS))})",
    TITLE_TABLE: f"bm25({TITLE_TABLE})",
}


def part(model, expression: str, posts, tier: int, rank_expression: str | None, size: int):
    """(post id, tier, rank, date) of the newest ``size`` searched posts that ``expression``
    matches in ``model``'s table; ranked when the statement's expression is the ranking's."""
    table = model._meta.db_table
    # SQL of our own tables' names; the search's words are parameters.
    bm25 = RawSQL(RANK[table], [])  # noqa: S611
    rank = bm25 if rank_expression == expression else Value(None, FloatField())
    return (
        model.objects.filter(
            RawSQL(f"{table} MATCH %s", [expression], output_field=BooleanField()),  # noqa: S611
            Exists(posts.order_by().filter(pk=OuterRef("rowid"))),
        )
        .annotate(
            tier=Value(tier, IntegerField()),
            rank=rank,
            date=Subquery(BlogPage.objects.filter(pk=OuterRef("rowid")).order_by().values("date")[:1]),
        )
        .order_by("-rowid")
        .values_list("rowid", "tier", "rank", "date")[:size]
    )


def ranked_window(query: ReaderQuery, posts, titles_only: bool, size: int) -> list[tuple[int, float]]:
    """The window's (post id, rank), best first; a lower rank is better."""
    rank_expression = query.phrases_as_words().as_fts5()
    rows = list(part(PostTitle, query.as_fts5(), posts, 0, rank_expression, size))
    if not titles_only:
        rows += part(PostText, query.as_fts5(), posts, 1, rank_expression, size)
    if rows and rows[0][2] is None:  # a phrase: ranked by its words
        ranks = {
            tier: ranks_of(table, rank_expression, [row[0] for row in rows if row[1] == tier])
            for tier, table in ((0, TITLE_TABLE), (1, TEXT_TABLE))
        }
        rows = [(post_id, tier, ranks[tier].get(post_id, 0.0), date) for post_id, tier, _rank, date in rows]
    return best_first(rows)


def ranks_of(table: str, expression: str, post_ids: list[int]) -> dict[int, float]:
    """bm25() in ``table`` of these posts' entries, for ``expression``. The unary + keeps the ids
    from FTS5, which would otherwise run the whole MATCH again for each of them; the lower bound
    on rowid lets it skip the matches older than the oldest."""
    if not post_ids:
        return {}
    ids = ", ".join(["%s"] * len(post_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {RANK[table]} FROM {table} WHERE {table} MATCH %s"  # noqa: S608 (our table names)
            f" AND rowid >= %s AND +rowid IN ({ids})",
            [expression, min(post_ids), *post_ids],
        )
        return dict(cursor.fetchall())


def best_first(rows: list[tuple]) -> list[tuple[int, float]]:
    """(post id, rank) of the window, each post once: those whose title holds the query first,
    then by rank, then the newest post."""
    seen, ranked = set(), []
    for post_id, _tier, rank, _date in sorted(
        rows, key=lambda row: (row[1], row[2], -row[3].toordinal(), -row[0])
    ):
        if post_id not in seen:
            seen.add(post_id)
            ranked.append((post_id, rank))
    return ranked
