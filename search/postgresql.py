"""The reader search on PostgreSQL: a window of matches, ranked with ts_rank.

The entries' ``vector`` (search/indexing.py: title A, lead B, body and names C, references D,
in the ``site_english`` configuration) is what a search matches and ranks, GIN-indexed;
``title_vector`` the titles alone (search/migrations/0010). A reader's query becomes a tsquery
(search/query.py). As on SQLite (search/sqlite.py), only a window of matches is ranked: the
newest SEARCH_MAX_RESULTS searched posts that match and up to as many whose title holds the
whole query, those first; ranking every match of a common word grew with the archive. ts_rank
counts a word at most about 1.6 times its weight however often it occurs, so with these weights
one match in a higher column outweighs any number in the lower ones. One statement.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q

from .indexing import SEARCH_CONFIG
from .models import PostEntry
from .query import ReaderQuery

# ts_rank's weights for D, C, B, A (references, body, lead, title).
RANK_WEIGHTS = [0.01, 0.1, 0.4, 1.0]


def ranked_window(query: ReaderQuery, posts, titles_only: bool, size: int) -> list[tuple[int, float]]:
    """The window's (post id, rank), best first; a higher rank is better. Equal ranks: the
    newest post first."""
    tsquery = SearchQuery(query.as_tsquery(), search_type="raw", config=SEARCH_CONFIG)
    entries = PostEntry.objects.filter(Exists(posts.order_by().filter(pk=OuterRef("post_id"))))
    titled = entries.filter(title_vector=tsquery).order_by("-post_id").values("post_id")[:size]
    vector = "title_vector" if titles_only else "vector"
    columns = {"rank": SearchRank(F(vector), tsquery, weights=RANK_WEIGHTS), "date": F("post__date")}
    order = ["-rank", "-date", "-post_id"]
    if titles_only:
        ids = titled
    else:
        newest = entries.filter(vector=tsquery).order_by("-post_id").values("post_id")[:size]
        ids = newest.union(titled)
        # The posts whose title holds the whole query first.
        columns["titled"] = ExpressionWrapper(Q(post_id__in=titled), output_field=BooleanField())
        order.insert(0, "-titled")
    window = PostEntry.objects.filter(post_id__in=ids).annotate(**columns).order_by(*order)
    return list(window.values_list("post_id", "rank"))
