"""A reader's search of the posts: ``search_posts(query, posts)``.

It reads the reader index (search.PostEntry) through the module for the database in use
(search/sqlite.py, search/postgresql.py), which ranks a window of matches in one statement (two
for a quoted phrase on SQLite); the page of posts asked for is read in one more. Ranks come
best first; equal ranks, the newest post first.
"""

from django.conf import settings
from django.db import connection
from django.utils.functional import cached_property

from . import postgresql, sqlite
from .query import ReaderQuery

DATABASES = {"sqlite": sqlite, "postgresql": postgresql}


class RankedPosts:
    """The posts a search found, best first, at most SEARCH_MAX_RESULTS: counted and sliced as a
    queryset is (the paginator reads it so). Each post read carries its ``search_rank``: on SQLite
    bm25's, lower is better; on PostgreSQL ts_rank's, higher is better."""

    def __init__(self, query: ReaderQuery, posts, titles_only: bool = False):
        self.query = query
        self.posts = posts
        self.titles_only = titles_only

    @cached_property
    def ranked(self) -> list[tuple[int, float]]:
        """The window's (post id, rank), best first: read once for the count and every page."""
        if not self.query:
            return []
        size = self.query.window or settings.SEARCH_MAX_RESULTS
        window = DATABASES[connection.vendor].ranked_window(self.query, self.posts, self.titles_only, size)
        return window[: settings.SEARCH_MAX_RESULTS]

    def count(self) -> int:
        return len(self.ranked)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key: slice):
        page = self.ranked[key]
        if not page:
            return []
        found = self.posts.in_bulk([post_id for post_id, _rank in page])
        results = []
        for post_id, rank in page:
            if post := found.get(post_id):
                post.search_rank = rank
                results.append(post)
        return results


def search_posts(query: ReaderQuery, posts, titles_only: bool = False) -> RankedPosts:
    """The ``posts`` (a queryset of blog posts: live, public, in a category…) that ``query``
    finds, best first; with ``titles_only``, those whose title it matches (the suggestions)."""
    return RankedPosts(query, posts, titles_only)
